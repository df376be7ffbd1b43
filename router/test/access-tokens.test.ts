import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  newSigningKey,
  publicKeyAsHmacSecret,
  unsignedToken,
  type SigningKey,
} from './support/jwks-server.js';
import { startTestShop, type TestShop } from './support/test-shop.js';

const whoami = `query WhoAmI { whoami { kind userId } }`;
const cooldownMs = 300;
const cacheMaxAgeMs = 600;

describe('access tokens checked against the JWKS', () => {
  let shop: TestShop;

  beforeAll(async () => {
    // jose times the JWKS cooldown and cache age with Date.now(): the tests move that clock
    // instead of sleeping (timers stay real). Tokens are signed and checked on the same clock.
    vi.useFakeTimers({ toFake: ['Date'] });
    shop = await startTestShop({
      SHOP_JWKS_COOLDOWN_MS: String(cooldownMs),
      SHOP_JWKS_CACHE_MAX_AGE_MS: String(cacheMaxAgeMs),
    });
  });
  afterAll(async () => {
    await shop?.stop();
    vi.useRealTimers();
  });

  const expectRefused = async (name: string, token: string, message: RegExp) => {
    const result = await shop.call(whoami, { token });
    expect(result.status, name).toBe(401);
    expect(result.errors?.[0]?.extensions?.code, name).toBe('UNAUTHENTICATED');
    expect(result.errors?.[0]?.message, name).toMatch(message);
    expect(result.data, name).toBeUndefined();
    expect(result.headers.get('www-authenticate'), name).toMatch(/^Bearer error="invalid_token"/);
  };

  it('accepts a valid token (the control for every refusal below)', async () => {
    const result = await shop.call(whoami, { token: await shop.token('alice') });
    expect(result.status).toBe(200);
    expect(result.data?.whoami).toEqual({ kind: 'user', userId: 'alice' });
  });

  it('refuses forged, expired, misdirected and malformed tokens with a 401 saying what to do', async () => {
    const stranger = await newSigningKey('stranger');
    const invalid = /not valid: log in again/;
    const before = shop.accounts.seen.length;
    await expectRefused('alg none', unsignedToken('alice'), invalid);
    await expectRefused(
      'HS256 with the public key',
      await publicKeyAsHmacSecret(shop.key, 'alice'),
      invalid,
    );
    await expectRefused('unknown kid', await shop.token('alice', {}, stranger), invalid);
    const [header, , signature] = (await shop.token('alice')).split('.');
    const [, claimsOfBob] = (await shop.token('bob')).split('.');
    await expectRefused('claims swapped', `${header}.${claimsOfBob}.${signature}`, invalid);
    await expectRefused(
      'expired',
      await shop.token('alice', { expiresInSeconds: -60 }),
      /expired: get a new one with the refreshToken mutation/,
    );
    await expectRefused(
      'wrong issuer',
      await shop.token('alice', { iss: 'someone-else' }),
      invalid,
    );
    await expectRefused('wrong audience', await shop.token('alice', { aud: 'other-app' }), invalid);
    await expectRefused('not an access token', await shop.token('alice', { typ: 'JWT' }), invalid);
    await expectRefused('unknown role', await shop.token('alice', { roles: ['ROOT'] }), invalid);
    await expectRefused('garbage', 'not.a.jwt', invalid);
    const basic = await shop.call(whoami, { headers: { authorization: 'Basic YWxpY2U6cHc=' } });
    expect(basic.status).toBe(401);
    expect(basic.errors?.[0]?.message).toMatch(/Authorization: Bearer/);
    // Nothing was executed as anonymous.
    expect(shop.accounts.seen.length).toBe(before);
  });

  it('tells an expired token apart in extensions.reason', async () => {
    const result = await shop.call(whoami, {
      token: await shop.token('alice', { expiresInSeconds: -60 }),
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'expired',
    });
  });

  it('tolerates a few seconds of clock skew', async () => {
    const result = await shop.call(whoami, {
      token: await shop.token('alice', { expiresInSeconds: -2 }),
    });
    expect(result.status).toBe(200);
  });

  it('picks up a key added to the JWKS without a restart, within the cooldown', async () => {
    const rotated = await newSigningKey('key-2');
    shop.jwks.publish(rotated);
    vi.advanceTimersByTime(cooldownMs);
    const result = await shop.call(whoami, { token: await shop.token('bob', {}, rotated) });
    expect(result.status).toBe(200);
    expect(result.data?.whoami).toEqual({ kind: 'user', userId: 'bob' });
  });

  it('refuses a key removed from the JWKS once the cached JWKS is stale', async () => {
    const retiring = await newSigningKey('key-retiring');
    shop.jwks.publish(retiring);
    vi.advanceTimersByTime(cooldownMs);
    const token = await shop.token('carol', {}, retiring);
    expect((await shop.call(whoami, { token })).status).toBe(200);
    shop.jwks.withdraw(retiring.kid);
    vi.advanceTimersByTime(cacheMaxAgeMs);
    await expectRefused('withdrawn key', token, /not valid/);
  });

  it('does not let unknown kids hammer the JWKS endpoint', async () => {
    vi.advanceTimersByTime(cooldownMs);
    const strangers: SigningKey[] = await Promise.all(
      Array.from({ length: 20 }, (_, i) => newSigningKey(`forged-${i}`)),
    );
    const before = shop.jwks.fetches;
    for (const key of strangers) {
      expect(
        (await shop.call(whoami, { token: await shop.token('mallory', {}, key) })).status,
      ).toBe(401);
    }
    // One refetch for the first unknown kid, then the cooldown holds.
    expect(shop.jwks.fetches - before).toBe(1);
  });

  it('answers 503 (not "log in again") when the JWKS cannot be fetched', async () => {
    shop.jwks.setDown(true);
    try {
      vi.advanceTimersByTime(cacheMaxAgeMs);
      const result = await shop.call(whoami, { token: await shop.token('alice') });
      expect(result.status).toBe(503);
      expect(result.errors?.[0]?.extensions?.code).toBe('AUTH_UNAVAILABLE');
      expect(result.headers.get('retry-after')).toBeTruthy();
      // Anonymous requests do not need the JWKS.
      expect((await shop.call(whoami)).status).toBe(200);
    } finally {
      shop.jwks.setDown(false);
    }
    // A failed fetch leaves the cache stale, so the next check fetches again: no cooldown first.
    expect((await shop.call(whoami, { token: await shop.token('alice') })).status).toBe(200);
  });
});
