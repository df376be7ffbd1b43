import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import type { Identity, Role } from '@shop/kit/identity';

export type TokenCheck = { ok: true; identity: Identity } | { ok: false; reason: string };

/**
 * Verifies client access tokens against auth's JWKS: ES256 only (so `none` and HS256-with-the-
 * public-key are refused), issuer, audience and expiry checked. An unknown `kid` refetches the
 * JWKS (at most once per cooldown), so a rotated key is picked up without a restart.
 */
export function accessTokenVerifier(options: {
  jwksUrl: string;
  issuer: string;
  audience: string;
  cooldownMs: number;
}) {
  const jwks = createRemoteJWKSet(new URL(options.jwksUrl), {
    cooldownDuration: options.cooldownMs,
    cacheMaxAge: 10 * 60_000,
    timeoutDuration: 3000,
  });
  return async (token: string): Promise<TokenCheck> => {
    try {
      const { payload } = await jwtVerify<{ roles?: Role[] }>(token, jwks, {
        algorithms: ['ES256'],
        issuer: options.issuer,
        audience: options.audience,
        clockTolerance: 5,
        requiredClaims: ['sub', 'exp'],
      });
      return {
        ok: true,
        identity: { kind: 'user', userId: String(payload.sub), roles: payload.roles ?? [] },
      };
    } catch (error) {
      if (error instanceof errors.JWTExpired) {
        return {
          ok: false,
          reason: 'The access token has expired: get a new one with refreshToken.',
        };
      }
      if (error instanceof errors.JOSEError) {
        return { ok: false, reason: 'The access token is not valid: log in again.' };
      }
      throw error;
    }
  };
}
