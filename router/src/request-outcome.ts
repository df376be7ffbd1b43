import type { RequestOutcome } from './metrics.js';

const invalidCodes = new Set([
  'BAD_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'QUERY_TOO_COMPLEX',
  'BAD_USER_INPUT',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);
const deniedCodes = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);

/**
 * How a request ended, from its HTTP status and the `extensions.code`s it carried. No codes and a
 * 4xx is one of Apollo's own refusals (CSRF, batch, method): invalid.
 */
export function requestOutcome(status: number, errorCodes: readonly string[]): RequestOutcome {
  if (status === 401) return 'unauthenticated';
  if (status === 429) return 'rate_limited';
  if (errorCodes.includes('SUBGRAPH_UNAVAILABLE')) return 'subgraph_unavailable';
  if (errorCodes.length === 0) {
    if (status >= 500) return 'error';
    return status >= 400 ? 'invalid' : 'success';
  }
  if (errorCodes.every((code) => invalidCodes.has(code))) return 'invalid';
  if (errorCodes.every((code) => deniedCodes.has(code) || invalidCodes.has(code))) return 'denied';
  return 'error';
}
