import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * CORS for the listed origins only: they get the headers (credentials included); any other origin
 * gets none, so browsers refuse to hand it the response. Answers preflights; returns true if it did.
 */
export function applyCors(
  req: IncomingMessage,
  res: ServerResponse,
  allowed: readonly string[],
): boolean {
  const origin = req.headers.origin;
  res.setHeader('vary', 'Origin');
  if (origin && allowed.includes(origin)) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-allow-credentials', 'true');
  }
  if (req.method !== 'OPTIONS') return false;
  if (origin && allowed.includes(origin)) {
    res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    res.setHeader(
      'access-control-allow-headers',
      'authorization, content-type, apollo-require-preflight, x-apollo-operation-name, x-request-id',
    );
    res.setHeader('access-control-max-age', '600');
  }
  res.statusCode = 204;
  res.end();
  return true;
}
