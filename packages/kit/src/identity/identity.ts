import type { StaffRole } from '@shop/contracts/staff-duties';

export type Role = 'CUSTOMER' | StaffRole | 'PARTNER';

/** Who is asking, as a subgraph sees it after verifying the caller's internal token. */
export type Identity =
  | { kind: 'anonymous' }
  | { kind: 'user'; userId: string; roles: Role[] }
  | { kind: 'service'; service: string };

/** The verified facts of one request that reached a subgraph through the router or a service. */
export interface Caller {
  /** `router` for client traffic, otherwise the calling service's name. */
  via: string;
  identity: Identity;
  /** The client's address as the router saw it, for per-IP rules such as login throttling. */
  clientIp?: string;
  partnerId?: string;
}
