import { SignJWT, jwtVerify, errors } from 'jose';
import type { Caller, Identity, Role } from './identity.js';

const issuer = 'shop-internal';
const audience = 'shop-subgraphs';
const algorithm = 'HS256';
/** Short enough that a leaked token is useless soon, long enough to cover a slow request. */
const lifetimeSeconds = 60;

export interface InternalTokenClaims {
  via: string;
  sub?: string;
  roles?: Role[];
  svc?: string;
  ip?: string;
  ptn?: string;
}

/**
 * Subgraphs never trust a header a client could send: the router and the services sign what they
 * forward with a secret only they share, and subgraphs verify it (algorithm pinned, iss/aud/exp).
 */
export class InternalTokens {
  private readonly key: Uint8Array;

  constructor(secret: string) {
    if (secret.length < 32)
      throw new Error('the internal token secret must be at least 32 characters');
    this.key = new TextEncoder().encode(secret);
  }

  async sign(caller: Caller): Promise<string> {
    const { identity } = caller;
    const claims: InternalTokenClaims = { via: caller.via };
    if (identity.kind === 'user') claims.roles = identity.roles;
    if (identity.kind === 'service') claims.svc = identity.service;
    if (caller.clientIp) claims.ip = caller.clientIp;
    if (caller.partnerId) claims.ptn = caller.partnerId;
    const jwt = new SignJWT({ ...claims })
      .setProtectedHeader({ alg: algorithm })
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime(`${lifetimeSeconds}s`);
    if (identity.kind === 'user') jwt.setSubject(identity.userId);
    return jwt.sign(this.key);
  }

  /** The verified caller, or null when the token is missing, forged, expired or malformed. */
  async verify(token: string | undefined): Promise<Caller | null> {
    if (!token) return null;
    try {
      const { payload } = await jwtVerify<InternalTokenClaims>(token, this.key, {
        algorithms: [algorithm],
        issuer,
        audience,
      });
      return {
        via: payload.via,
        identity: identityOf(payload),
        ...(payload.ip ? { clientIp: payload.ip } : {}),
        ...(payload.ptn ? { partnerId: payload.ptn } : {}),
      };
    } catch (error) {
      if (error instanceof errors.JOSEError) return null;
      throw error;
    }
  }
}

function identityOf(payload: InternalTokenClaims & { sub?: string }): Identity {
  if (payload.svc) return { kind: 'service', service: payload.svc };
  if (payload.sub) return { kind: 'user', userId: payload.sub, roles: payload.roles ?? [] };
  return { kind: 'anonymous' };
}
