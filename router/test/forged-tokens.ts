import { SignJWT, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import { loadConfig } from '@shop/kit';
import { databaseConfigSchema, openDatabase } from '@shop/kit/db';
import type { Runtime } from '@shop/kit/service';
import { bootstrapAdmin } from '@shop/auth/admin';
import {
  SigningKeySchema,
  SigningKey,
} from '../../subgraphs/auth/src/domain/signing-key.entity.js';

export interface TokenClaims {
  sub: string;
  iss?: string;
  aud?: string;
  expiresInSeconds?: number;
}

/** Auth's active signing key, read from its database: lets a test mint edge-case tokens. */
export async function authSigningKey(
  runtime: Runtime,
): Promise<{ kid: string; privateJwk: JWK; publicJwk: JWK }> {
  const orm = await openDatabase({
    config: loadConfig('auth', databaseConfigSchema('auth'), runtime.env),
    entities: [SigningKeySchema],
  });
  try {
    const key = await orm.em
      .fork()
      .findOneOrFail(SigningKey, { retiredAt: null }, { orderBy: { createdAt: 'desc' } });
    return {
      kid: key.kid,
      privateJwk: JSON.parse(key.privateJwk) as JWK,
      publicJwk: JSON.parse(key.publicJwk) as JWK,
    };
  } finally {
    await orm.close();
  }
}

export async function signWith(
  key: { kid: string; privateJwk: JWK },
  claims: TokenClaims,
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ roles: ['CUSTOMER'] })
    .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'at+jwt' })
    .setSubject(claims.sub)
    .setIssuer(claims.iss ?? 'shop-auth')
    .setAudience(claims.aud ?? 'shop')
    .setIssuedAt(now - 3600)
    .setExpirationTime(now + (claims.expiresInSeconds ?? 600))
    .sign(await importJWK(key.privateJwk, 'ES256'));
}

/** A key the JWKS has never published. */
export async function strangerKey(): Promise<{ kid: string; privateJwk: JWK }> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  return { kid: 'stranger', privateJwk: await exportJWK(privateKey) };
}

/** `alg: none`: a token with no signature at all. */
export function unsignedToken(sub: string): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub, iss: 'shop-auth', aud: 'shop', exp: now + 600 })}.`;
}

/** The classic confusion attack: HS256 with the server's public key as the HMAC secret. */
export async function publicKeyAsHmacSecret(publicJwk: JWK, sub: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ roles: ['ADMIN'] })
    .setProtectedHeader({ alg: 'HS256', kid: String(publicJwk.kid), typ: 'at+jwt' })
    .setSubject(sub)
    .setIssuer('shop-auth')
    .setAudience('shop')
    .setExpirationTime(now + 600)
    .sign(new TextEncoder().encode(JSON.stringify(publicJwk)));
}

/** Makes an administrator the way `pnpm create-admin` does, on the running shop's auth database. */
export async function createAdmin(runtime: Runtime, email: string, password: string) {
  await bootstrapAdmin(runtime.env, { email, password, name: 'Admin' });
}
