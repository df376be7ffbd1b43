import type { Identity } from '@shop/kit/identity';
import { RequestRefused } from '../refusal.js';
import type { TokenCheck } from './verify-access-token.js';

/** RFC 6750: says it was the token, and why. */
function bearerChallenge(description: string): Record<string, string> {
  const quoted = description.replace(/["\\]/g, "'");
  return { 'www-authenticate': `Bearer error="invalid_token", error_description="${quoted}"` };
}

function unauthenticated(message: string, reason: string): RequestRefused {
  return new RequestRefused({
    status: 401,
    code: 'UNAUTHENTICATED',
    message,
    headers: bearerChallenge(message),
    extensions: { reason },
  });
}

/**
 * Who the client is: anonymous without an `Authorization` header, the token's user with a valid
 * one. A header that is present but bad is refused (401), never downgraded to anonymous: a client
 * with an expired token must not silently see a logged-out shop.
 */
export async function identify(
  authorization: string | undefined,
  verify: (token: string) => Promise<TokenCheck>,
): Promise<Identity> {
  if (authorization === undefined) return { kind: 'anonymous' };
  const token = /^Bearer +(\S+) *$/i.exec(authorization)?.[1];
  if (!token) {
    throw unauthenticated(
      'Send the access token as `Authorization: Bearer <token>`, or send no Authorization header.',
      'malformed',
    );
  }
  const check = await verify(token);
  switch (check.outcome) {
    case 'valid':
      return check.identity;
    case 'refused':
      throw unauthenticated(check.message, check.reason);
    case 'unverifiable':
      throw new RequestRefused({
        status: 503,
        code: 'AUTH_UNAVAILABLE',
        message: check.message,
        headers: { 'retry-after': '5' },
      });
  }
}
