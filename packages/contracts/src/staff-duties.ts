/**
 * The shop's staff and what each may do, one table for the subgraphs' permission rules and the
 * admin's screens. Every staff role reads the whole admin; changes need a duty.
 * ADMIN is the owner: every duty, and the only one to manage staff and read the audit log.
 */
export const staffRoles = ['ADMIN', 'OPERATOR', 'CS', 'VIEWER'] as const;
export type StaffRole = (typeof staffRoles)[number];

export const staffDuties = {
  /** Products, variants, prices, stock, images, categories and brands. */
  catalog: ['ADMIN', 'OPERATOR'],
  /** Discounts and coupons. */
  promotions: ['ADMIN', 'OPERATOR'],
  /** Shipping paid orders. */
  fulfilment: ['ADMIN', 'OPERATOR'],
  /** Cancelling and refunding orders, deciding returns. */
  refunds: ['ADMIN', 'OPERATOR', 'CS'],
  /** A customer's points and coupons. */
  customers: ['ADMIN', 'CS'],
  /** Commissions, reconciliation and payouts. */
  settlement: ['ADMIN'],
  /** Staff roles, the audit log, partners, signing keys and the search index. */
  staff: ['ADMIN'],
} as const satisfies Record<string, readonly StaffRole[]>;
export type StaffDuty = keyof typeof staffDuties;

export function isStaffRole(role: string): role is StaffRole {
  return (staffRoles as readonly string[]).includes(role);
}

export function isStaff(roles: readonly string[]): boolean {
  return roles.some(isStaffRole);
}

export function mayDo(roles: readonly string[], duty: StaffDuty): boolean {
  return roles.some((role) => (staffDuties[duty] as readonly string[]).includes(role));
}
