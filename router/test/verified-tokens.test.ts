import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { accessTokenVerifier } from '../src/auth/verify-access-token.js';
import {
  audience,
  issuer,
  newSigningKey,
  signAccessToken,
  startJwksServer,
  type JwksServer,
  type SigningKey,
} from './support/jwks-server.js';

const cacheMaxAgeMs = 600;

describe('a valid access token is remembered, not verified on every request', () => {
  let jwks: JwksServer;
  let key: SigningKey;
  let verify: ReturnType<typeof accessTokenVerifier>;

  beforeAll(async () => {
    // jose times `exp` and the JWKS's age by Date.now(), and so does the memory: the test moves it.
    vi.useFakeTimers({ toFake: ['Date'] });
    jwks = await startJwksServer();
    key = await newSigningKey('key-1');
    jwks.publish(key);
    verify = accessTokenVerifier({
      jwksUrl: jwks.url,
      issuer,
      audience,
      clockToleranceSeconds: 5,
      cooldownMs: 300,
      cacheMaxAgeMs,
      timeoutMs: 1_000,
    });
  });
  afterAll(async () => {
    await jwks?.close();
    vi.useRealTimers();
  });

  it('answers the same token from memory while the JWKS is trusted, then verifies it again', async () => {
    const token = await signAccessToken(key, { sub: 'alice' });
    const first = await verify(token);
    expect(first).toMatchObject({ outcome: 'valid', identity: { userId: 'alice' } });
    expect(await verify(token)).toBe(first);
    vi.advanceTimersByTime(cacheMaxAgeMs);
    const again = await verify(token);
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });

  it('forgets a token when it expires, and refuses it as jose does', async () => {
    const token = await signAccessToken(key, { sub: 'bob', expiresInSeconds: 1 });
    const first = await verify(token);
    expect(first.outcome).toBe('valid');
    vi.advanceTimersByTime(1_000);
    // Past `exp`, within jose's clock tolerance: verified again, not remembered.
    expect(await verify(token)).not.toBe(first);
    vi.advanceTimersByTime(5_000);
    expect(await verify(token)).toMatchObject({ outcome: 'refused', reason: 'expired' });
  });

  it('remembers no refusal: a bad token costs a verification each time', async () => {
    const stranger = await newSigningKey('stranger');
    const forged = await signAccessToken(stranger, { sub: 'mallory' });
    expect((await verify(forged)).outcome).toBe('refused');
    jwks.publish(stranger);
    vi.advanceTimersByTime(cacheMaxAgeMs);
    expect((await verify(forged)).outcome).toBe('valid');
  });
});
