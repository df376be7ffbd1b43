import { createSigner, createVerifier, TokenError } from 'fast-jwt';
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
 * HMAC through node:crypto, synchronously: WebCrypto's round trip through libuv's thread pool cost
 * a first-come sale about 5 % of its CPU (every buyer is a caller not seen before), ten times what
 * node:crypto costs. A token is still reused for the same caller for half its life, and a verified
 * token is remembered until it expires (the same string is the same claims).
 */
export class InternalTokens {
  private readonly signNew: (claims: InternalTokenClaims) => string;
  private readonly verifyNew: (token: string) => InternalTokenClaims & { exp: number };
  private readonly signed = new LRUCache<string, string>({
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
    this.signNew = createSigner({
      key: secret,
      algorithm,
      iss: issuer,
      aud: audience,
      expiresIn: lifetimeSeconds * 1000,
    });
    this.verifyNew = createVerifier({
      key: secret,
      algorithms: [algorithm],
      allowedIss: issuer,
      allowedAud: audience,
      requiredClaims: ['exp'],
    });
  }

  async sign(caller: Caller): Promise<string> {
    const key = JSON.stringify([caller.via, caller.identity, caller.clientIp, caller.partnerId]);
    let token = this.signed.get(key);
    if (!token) {
      token = this.signNew(claimsOf(caller));
      this.signed.set(key, token);
    }
    return token;
  }

  /** The verified caller, or null when the token is missing, forged, expired or malformed. */
  async verify(token: string | undefined): Promise<Caller | null> {
    if (!token) return null;
    const known = this.verified.get(token);
    if (known) return known;
    try {
      const payload = this.verifyNew(token);
      const caller: Caller = {
        via: payload.via,
        identity: identityOf(payload),
        ...(payload.ip ? { clientIp: payload.ip } : {}),
        ...(payload.ptn ? { partnerId: payload.ptn } : {}),
      };
      // Remembered only while it is valid: a hit after `exp` cannot happen.
      const validForMs = payload.exp * 1000 - Date.now();
      if (validForMs > 0) this.verified.set(token, caller, { ttl: validForMs });
      return caller;
    } catch (error) {
      if (error instanceof TokenError) return null;
      throw error;
    }
  }
}

function claimsOf({ via, identity, clientIp, partnerId }: Caller) {
  const claims: InternalTokenClaims = { via };
  if (identity.kind === 'user') {
    claims.sub = identity.userId;
    claims.roles = identity.roles;
  }
  if (identity.kind === 'service') claims.svc = identity.service;
  if (clientIp) claims.ip = clientIp;
  if (partnerId) claims.ptn = partnerId;
  return claims;
}

function identityOf(payload: InternalTokenClaims): Identity {
  if (payload.svc) return { kind: 'service', service: payload.svc };
  if (payload.sub) return { kind: 'user', userId: payload.sub, roles: payload.roles ?? [] };
  return { kind: 'anonymous' };
}
