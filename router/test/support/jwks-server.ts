import { createServer } from 'node:http';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';
import { listen } from '@shop/kit/ops';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export const issuer = 'test-auth';
export const audience = 'test-shop';

/** A fresh ES256 key with a kid (not published anywhere until added to a JWKS server). */
export async function newSigningKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  return { kid, privateKey, publicJwk };
}

export interface TokenOptions {
  sub: string;
  roles?: string[];
  iss?: string;
  aud?: string;
  /** Negative: already expired. */
  expiresInSeconds?: number;
  typ?: string;
}

/** An access token the way auth issues them: ES256, `typ: at+jwt`, kid, iss/aud/exp, roles. */
export function signAccessToken(key: SigningKey, options: TokenOptions): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ roles: options.roles ?? ['CUSTOMER'] })
    .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: options.typ ?? 'at+jwt' })
    .setSubject(options.sub)
    .setIssuer(options.iss ?? issuer)
    .setAudience(options.aud ?? audience)
    .setIssuedAt(now - 60)
    .setExpirationTime(now + (options.expiresInSeconds ?? 600))
    .sign(key.privateKey);
}

/** `alg: none`: no signature at all. */
export function unsignedToken(sub: string): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const claims = { sub, roles: ['ADMIN'], iss: issuer, aud: audience, exp: now + 600 };
  return `${encode({ alg: 'none', typ: 'at+jwt' })}.${encode(claims)}.`;
}

/** The algorithm-confusion attack: HS256 with the published public key as the HMAC secret. */
export function publicKeyAsHmacSecret(key: SigningKey, sub: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ roles: ['ADMIN'] })
    .setProtectedHeader({ alg: 'HS256', kid: key.kid, typ: 'at+jwt' })
    .setSubject(sub)
    .setIssuer(issuer)
    .setAudience(audience)
    .setExpirationTime(now + 600)
    .sign(new TextEncoder().encode(JSON.stringify(key.publicJwk)));
}

export interface JwksServer {
  url: string;
  /** GETs served so far. */
  fetches: number;
  publish(key: SigningKey): void;
  withdraw(kid: string): void;
  /** While down it answers 503. */
  setDown(down: boolean): void;
  close(): Promise<void>;
}

/** A tiny auth stand-in serving `/.well-known/jwks.json` from keys the test controls. */
export async function startJwksServer(): Promise<JwksServer> {
  const published = new Map<string, JWK>();
  let down = false;
  const server = createServer((req, res) => {
    jwks.fetches++;
    if (down || req.url !== '/.well-known/jwks.json') {
      res.writeHead(down ? 503 : 404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [...published.values()] }));
  });
  const port = await listen(server, 0, '127.0.0.1');
  const jwks: JwksServer = {
    url: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    fetches: 0,
    publish: (key) => void published.set(key.kid, key.publicJwk),
    withdraw: (kid) => void published.delete(kid),
    setDown: (value) => {
      down = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return jwks;
}
