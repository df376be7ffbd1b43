import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { Role } from '@shop/kit/identity';
import { signingAlgorithm, type KeyRing } from './key-ring.js';

export interface AccessTokenSettings {
  issuer: string;
  audience: string;
  ttlSeconds: number;
}

export interface IssuedAccessToken {
  token: string;
  expiresAt: Date;
}

/** Short-lived access tokens: ES256 JWTs with a `kid`, verified by the router against the JWKS. */
export class AccessTokens {
  constructor(
    private readonly keys: KeyRing,
    private readonly settings: AccessTokenSettings,
  ) {}

  async issue(userId: string, roles: Role[]): Promise<IssuedAccessToken> {
    const { kid, privateKey } = await this.keys.activeKey();
    const issuedAt = Math.floor(Date.now() / 1000);
    const expiresAt = issuedAt + this.settings.ttlSeconds;
    const token = await new SignJWT({ roles })
      .setProtectedHeader({ alg: signingAlgorithm, kid, typ: 'at+jwt' })
      .setIssuer(this.settings.issuer)
      .setAudience(this.settings.audience)
      .setSubject(userId)
      .setJti(randomUUID())
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .sign(privateKey);
    return { token, expiresAt: new Date(expiresAt * 1000) };
  }
}
