import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Orm } from '@shop/kit/db';
import { Outbox } from '@shop/kit/events';
import { createRateLimiter } from '@shop/kit/rate-limit';
import { createTestDatabase, type TestDatabase } from '@shop/testkit';
import { authEntities } from '../src/domain/entities.js';
import { AccessTokens } from '../src/services/access-tokens.js';
import { AuthService, type LoginOutcome } from '../src/services/auth-service.js';
import { KeyRing } from '../src/services/key-ring.js';
import {
  LoginThrottle,
  type LoginLimiters,
  type LoginThrottleSettings,
} from '../src/services/login-throttle.js';
import { RefreshTokens } from '../src/services/refresh-tokens.js';

const settings: LoginThrottleSettings = {
  freeFailures: 5,
  accountFreeFailures: 10,
  baseDelaySeconds: 15,
  maxDelaySeconds: 900,
  rememberSeconds: 90 * 24 * 3600,
};

/** The service's limiters, in memory (the embedded run's). */
function memoryLimiters(perIpAttempts = 10_000): LoginLimiters {
  const limiter = (keyPrefix: string, points: number, durationSeconds: number, blockSeconds = 0) =>
    createRateLimiter({ keyPrefix, points, durationSeconds, blockSeconds });
  const day = 24 * 3600;
  return {
    perIp: limiter('login-ip', perIpAttempts, 600),
    ipDailyFailures: limiter('login-ip-fails', 100, day, day),
    pairFailures: limiter('login-pair-fails', 1_000_000_000, day),
    pairDelay: limiter('login-pair-wait', 1, 1),
    accountFailures: limiter('login-account-fails', 1_000_000_000, day),
    accountDelay: limiter('login-account-wait', 1, 1),
    knownAddresses: limiter('login-known', 1, 24 * day),
  };
}

const owner = { email: 'owner@example.com', password: 'the right password', name: '주인' };
const home = '198.51.100.7';

describe('login throttling without a lockout anyone can trigger (SQLite)', () => {
  let database: TestDatabase;
  let orm: Orm;
  let auth: AuthService;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite', 'auth_login_throttle');
    orm = await openDatabase({ config: database.config, entities: authEntities });
    await orm.schema.update();
    const keys = new KeyRing(orm, { accessTokenTtlSeconds: 600 });
    auth = new AuthService({
      accessTokens: new AccessTokens(keys, {
        issuer: 'shop-auth',
        audience: 'shop',
        ttlSeconds: 600,
      }),
      refreshTokens: new RefreshTokens(3600),
      throttle: new LoginThrottle(memoryLimiters(), settings, 'test-secret'.repeat(4)),
      outbox: new Outbox('auth'),
      registerProfile: () => Promise.resolve(),
    });
    const signedUp = await auth.signUp(orm.em.fork(), owner);
    expect(signedUp.kind).toBe('signed-up');
  });

  afterAll(async () => {
    await orm.close();
    await database.drop();
  });

  const login = (ip: string, password: string, deviceToken?: string) =>
    auth.login(orm.em.fork(), { email: owner.email, password, deviceToken }, ip);

  function kinds(outcomes: LoginOutcome[]): Record<string, number> {
    const counted: Record<string, number> = {};
    for (const outcome of outcomes) counted[outcome.kind] = (counted[outcome.kind] ?? 0) + 1;
    return counted;
  }

  it("signs the owner in from their usual address after 50 wrong attempts from another, and slows the attacker's", async () => {
    const usual = await login(home, owner.password);
    expect(usual.kind).toBe('logged-in');

    const attacker = '203.0.113.66';
    const outcomes: LoginOutcome[] = [];
    for (let i = 0; i < 50; i++) outcomes.push(await login(attacker, `wrong ${i}`));
    // Five tries, then the attacker's address waits, typed, with how long.
    expect(kinds(outcomes)).toEqual({ 'invalid-credentials': 5, 'too-many-attempts': 45 });
    expect(outcomes[5]).toEqual({ kind: 'too-many-attempts', retryAfterSeconds: 15 });

    expect((await login(home, owner.password)).kind).toBe('logged-in');
  });

  it('spreads 50 wrong passwords over 50 addresses: strangers then wait, the owner does not', async () => {
    const sprayed: LoginOutcome[] = [];
    for (let i = 0; i < 50; i++) sprayed.push(await login(`192.0.2.${i + 1}`, `spray ${i}`));
    // The account's budget for unrecognised sources is 10 failures (the attacker above spent
    // 5 of them); the rest wait.
    expect(kinds(sprayed)).toEqual({ 'invalid-credentials': 5, 'too-many-attempts': 45 });

    // The owner, from their usual address: straight in.
    const fromHome = await login(home, owner.password);
    expect(fromHome.kind).toBe('logged-in');
    // From a new address, even with the right password, unrecognised sources wait …
    const travelling = '233.252.0.9';
    const refused = await login(travelling, owner.password);
    expect(refused).toMatchObject({ kind: 'too-many-attempts' });
    // … unless the browser brings the device token of an earlier session.
    const deviceToken = fromHome.kind === 'logged-in' ? fromHome.session.deviceToken : '';
    expect((await login(travelling, owner.password, deviceToken)).kind).toBe('logged-in');
    // A forged or another account's token is no help.
    expect((await login('233.252.0.10', owner.password, `${deviceToken}x`)).kind).toBe(
      'too-many-attempts',
    );
  });
});

describe('the waits grow', () => {
  it('doubles the wait of an address with every further failure, up to the maximum', async () => {
    const throttle = new LoginThrottle(memoryLimiters(), settings, 'another secret');
    const ip = '203.0.113.9';
    const email = 'victim@example.com';
    const waits: number[] = [];
    for (let failure = 1; failure <= 12; failure++) {
      const gate = await throttle.beforeAttempt(ip, email);
      // (as if the attacker had waited out the previous delay)
      await throttle.failed(ip, email, gate);
      const next = await throttle.beforeAttempt(ip, email);
      waits.push(next.allowed ? 0 : next.retryAfterSeconds);
    }
    expect(waits).toEqual([0, 0, 0, 0, 15, 30, 60, 120, 240, 480, 900, 900]);
    // 12 failures from strangers are over the account's budget of 10: any unrecognised address
    // now waits for this account, another account from this address only for its own reasons.
    expect(await throttle.beforeAttempt('198.51.100.1', email)).toMatchObject({ allowed: false });
    expect(await throttle.beforeAttempt(ip, 'someone.else@example.com')).toMatchObject({
      allowed: true,
    });
  });

  it('refuses an address over its daily failures, whatever the accounts', async () => {
    const limiters = memoryLimiters();
    const throttle = new LoginThrottle(limiters, { ...settings, accountFreeFailures: 1000 }, 's');
    const ip = '203.0.113.10';
    for (let i = 0; i < 100; i++) {
      const email = `user${i}@example.com`;
      await throttle.failed(ip, email, await throttle.beforeAttempt(ip, email));
    }
    const gate = await throttle.beforeAttempt(ip, 'fresh@example.com');
    expect(gate.allowed).toBe(false);
    expect(gate.allowed ? 0 : gate.retryAfterSeconds).toBeGreaterThan(3600);
  });
});
