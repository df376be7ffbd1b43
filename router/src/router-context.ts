import type { Logger } from '@shop/kit';
import type { Identity } from '@shop/kit/identity';

/** What the router knows about one client request; the data sources forward it to subgraphs. */
export interface RouterContext {
  identity: Identity;
  clientIp: string;
  requestId: string;
  /** Signed once per request and reused for each subgraph fetch. */
  internalToken: string;
  /** Bound to the request id, for errors found while executing. */
  logger: Logger;
}
