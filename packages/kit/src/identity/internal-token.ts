import { SignJWT, jwtVerify, errors } from 'jose';
import { LRUCache } from 'lru-cache';
import type { Caller, Identity, Role } from './identity.js';

const issuer = 'shop-internal';
const audience = 'shop-subgraphs';
const algorithm = 'HS256';
/** Short enough that a leaked token is useless soon, long enough to cover a slow request. */
const lifetimeSeconds = 60;
/** A signed token is handed out again for the same caller for this long, then renewed. */
const reuseSeconds = 30;
/** Distinct callers (identity, client address, partner) whose tokens are kept, signed or verified. */
const remembered = 10_000;

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
 * Signing and verifying go through WebCrypto on libuv's thread pool, about a millisecond each
 * under load, on every subgraph call: a token is reused for the same caller for half its life,
 * and a verified token is remembered until it expires (the same string is the same claims).
 */
export class InternalTokens {
  private readonly key: Uint8Array;
  private readonly signed = new LRUCache<string, Promise<string>>({
    max: remembered,
    ttl: reuseSeconds * 1000,
  });
  /** Each entry lives until its token's `exp` (set with it); this is only the upper bound. */
  private readonly verified = new LRUCache<string, Caller>({
    max: remembered,
    ttl: lifetimeSeconds * 1000,
  });

  constructor(secret: string) {
    if (secret.length < 32)
      throw new Error('the internal token secret must be at least 32 characters');
    this.key = new TextEncoder().encode(secret);
  }

  sign(caller: Caller): Promise<string> {
    const key = JSON.stringify([caller.via, caller.identity, caller.clientIp, caller.partnerId]);
    let token = this.signed.get(key);
    if (!token) {
      token = this.signNew(caller);
      this.signed.set(key, token);
      token.catch(() => this.signed.delete(key));
    }
    return token;
  }

  private async signNew(caller: Caller): Promise<string> {
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
    const known = this.verified.get(token);
    if (known) return known;
    try {
      const { payload } = await jwtVerify<InternalTokenClaims>(token, this.key, {
        algorithms: [algorithm],
        issuer,
        audience,
      });
      const caller: Caller = {
        via: payload.via,
        identity: identityOf(payload),
        ...(payload.ip ? { clientIp: payload.ip } : {}),
        ...(payload.ptn ? { partnerId: payload.ptn } : {}),
      };
      // Remembered only while it is valid: a hit after `exp` cannot happen.
      const validForMs = (payload.exp ?? 0) * 1000 - Date.now();
      if (validForMs > 0) this.verified.set(token, caller, { ttl: validForMs });
      return caller;
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
