import type { Logger } from '@shop/kit';

export interface RequestLogEntry {
  requestId: string;
  operationName: string;
  userId: string | undefined;
  partnerId: string | undefined;
  clientIp: string;
  status: number;
  outcome: string;
  durationMs: number;
  errors: number;
}

/** The one line each GraphQL request leaves in the log (5xx at error level). */
export function logRequest(logger: Logger, entry: RequestLogEntry): void {
  if (entry.status >= 500) logger.error(entry, 'graphql request');
  else logger.info(entry, 'graphql request');
}
