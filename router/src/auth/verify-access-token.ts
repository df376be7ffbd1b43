import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import { LRUCache } from 'lru-cache';
import { staffRoles } from '@shop/contracts/staff-duties';
import type { Identity, Role } from '@shop/kit/identity';

export interface AccessTokenSettings {
  jwksUrl: string;
  issuer: string;
  audience: string;
  clockToleranceSeconds: number;
  /** At most one JWKS refetch per this period for unknown `kid`s. */
  cooldownMs: number;
  /** The JWKS is refetched once it is this old, so removed keys stop being accepted. */
  cacheMaxAgeMs: number;
  timeoutMs: number;
}

/**
 * `valid`: the token's user. `refused`: the client's token is bad (HTTP 401, with what to do).
 * `unverifiable`: we could not check it (auth's JWKS unreachable): not the client's fault (503).
 */
export type TokenCheck =
  | { outcome: 'valid'; identity: Identity & { kind: 'user' } }
  | { outcome: 'refused'; reason: 'expired' | 'invalid'; message: string }
  | { outcome: 'unverifiable'; message: string };

const roles: readonly Role[] = ['CUSTOMER', ...staffRoles, 'PARTNER'];
const isRoleList = (value: unknown): value is Role[] =>
  Array.isArray(value) && value.every((role) => roles.includes(role as Role));

/**
 * The JWKS could not be fetched (auth down, not JSON, not a key set): not the token's fault. Every
 * error about the token itself is a subclass of JOSEError; a bare JOSEError is jose's "Expected
 * 200 OK" / "Failed to parse" from the fetch, and a non-JOSE error is the network's.
 */
function jwksUnavailable(error: unknown): boolean {
  if (!(error instanceof errors.JOSEError)) return true;
  return (
    error instanceof errors.JWKSTimeout ||
    error instanceof errors.JWKSInvalid ||
    error.constructor === errors.JOSEError
  );
}

const expired: TokenCheck = {
  outcome: 'refused',
  reason: 'expired',
  message:
    'The access token has expired: get a new one with the refreshToken mutation, or log in again.',
};
const invalid: TokenCheck = {
  outcome: 'refused',
  reason: 'invalid',
  message: 'The access token is not valid: log in again to get a new one.',
};

type ValidToken = Extract<TokenCheck, { outcome: 'valid' }>;

/** Distinct valid tokens remembered (about a kilobyte each). */
const rememberedTokens = 10_000;

/**
 * Verifies client access tokens against auth's JWKS: ES256 only (so `alg: none` and HS256 signed
 * with the public key are refused), `typ: at+jwt`, issuer, audience and expiry checked. An unknown
 * `kid` refetches the JWKS — at most once per cooldown, so forged kids cannot make us hammer auth —
 * which is how a rotated key is picked up without a restart.
 *
 * ES256 verification goes through WebCrypto, the router's largest cost per signed-in request; a
 * client sends the same token for minutes, so a valid one is remembered (the exact string: the
 * same string is the same claims) until it expires, and no longer than the JWKS is trusted, so a
 * key removed from the JWKS stops being accepted as late as it would without the memory.
 */
export function accessTokenVerifier(
  settings: AccessTokenSettings,
): (token: string) => Promise<TokenCheck> {
  const jwks = createRemoteJWKSet(new URL(settings.jwksUrl), {
    cooldownDuration: settings.cooldownMs,
    cacheMaxAge: settings.cacheMaxAgeMs,
    timeoutDuration: settings.timeoutMs,
  });
  // Timed by Date.now(), as jose times `exp` and the JWKS's age; the cache's own TTL only bounds
  // how long an entry takes memory.
  const verified = new LRUCache<string, { valid: ValidToken; until: number }>({
    max: rememberedTokens,
    ttl: settings.cacheMaxAgeMs,
  });
  return async (token) => {
    const known = verified.get(token);
    if (known && Date.now() < known.until) return known.valid;
    try {
      const { payload } = await jwtVerify(token, jwks, {
        algorithms: ['ES256'],
        typ: 'at+jwt',
        issuer: settings.issuer,
        audience: settings.audience,
        clockTolerance: settings.clockToleranceSeconds,
        requiredClaims: ['sub', 'exp'],
      });
      const claimedRoles = payload.roles ?? [];
      if (!payload.sub || !isRoleList(claimedRoles)) return invalid;
      const valid: ValidToken = {
        outcome: 'valid',
        identity: { kind: 'user', userId: payload.sub, roles: claimedRoles },
      };
      // Until `exp` exactly (no clock tolerance), and within the JWKS's own trust.
      verified.set(token, {
        valid,
        until: Math.min(payload.exp! * 1000, Date.now() + settings.cacheMaxAgeMs),
      });
      return valid;
    } catch (error) {
      if (error instanceof errors.JWTExpired) return expired;
      if (jwksUnavailable(error)) {
        return {
          outcome: 'unverifiable',
          message: 'The access token cannot be checked right now: try again shortly.',
        };
      }
      return invalid;
    }
  };
}
