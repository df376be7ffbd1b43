import type { Logger } from '@shop/kit';
import type { Identity } from '@shop/kit/identity';

/** What the router knows about one client request; the data sources forward it to subgraphs. */
export interface RouterContext {
  identity: Identity;
  clientIp: string;
  requestId: string;
  /** When the request arrived (`performance.now()`). */
  startedAt: number;
  /** The signed internal token forwarded to subgraphs (InternalTokens reuses it for a while). */
  internalToken(): Promise<string>;
  /** Bound to the request id. */
  logger: Logger;
  /** Filled in by the request plugin, for the request's log line and metrics. */
  report: RequestReport;
}

export interface RequestReport {
  /** The resolved operation's name (`null` when unnamed); unset until the operation is known. */
  operationName?: string | null;
  /** `extensions.code` of every error sent back. */
  errorCodes: string[];
}

export function isRouterContext(value: unknown): value is RouterContext {
  return typeof value === 'object' && value !== null && 'internalToken' in value;
}
