import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeProtectedHeader, jwtVerify, createLocalJWKSet } from 'jose';
import { openDatabase, type Orm } from '@shop/kit/db';
import { createTestDatabase, type TestDatabase } from '@shop/testkit';
import { authEntities } from '../src/domain/entities.js';
import { AccessTokens } from '../src/services/access-tokens.js';
import { KeyRing } from '../src/services/key-ring.js';
import { RefreshTokens } from '../src/services/refresh-tokens.js';

const settings = { issuer: 'shop-auth', audience: 'shop', ttlSeconds: 600 };

describe('refresh tokens and signing keys (SQLite)', () => {
  let database: TestDatabase;
  let orm: Orm;
  const refreshTokens = new RefreshTokens(3600);

  beforeAll(async () => {
    database = await createTestDatabase('sqlite', 'auth_tokens');
    orm = await openDatabase({ config: database.config, entities: authEntities });
    await orm.schema.update();
  });

  afterAll(async () => {
    await orm.close();
    await database.drop();
  });

  async function newSession(userId: string): Promise<string> {
    const em = orm.em.fork();
    const { token } = refreshTokens.issue(em, userId);
    await em.flush();
    return token;
  }

  it('rotates a refresh token once; the old one then revokes the whole family', async () => {
    const first = await newSession('u-1');
    const rotated = await refreshTokens.rotate(orm.em.fork(), first);
    expect(rotated.ok).toBe(true);
    const second = rotated.ok ? rotated.next.token : '';

    expect(await refreshTokens.rotate(orm.em.fork(), first)).toEqual({
      ok: false,
      reason: 'reused',
    });
    // The thief's replay also ended the legitimate holder's session.
    expect(await refreshTokens.rotate(orm.em.fork(), second)).toEqual({
      ok: false,
      reason: 'revoked',
    });
  });

  it('lets exactly one of 20 concurrent refreshes with the same token through', async () => {
    const token = await newSession('u-2');
    const results = await Promise.all(
      Array.from({ length: 20 }, () => refreshTokens.rotate(orm.em.fork(), token)),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(
      results
        .filter((result) => !result.ok)
        .every((result) => !result.ok && ['reused', 'revoked'].includes(result.reason)),
    ).toBe(true);
  });

  it('refuses unknown tokens and ends a session on logout', async () => {
    expect(await refreshTokens.rotate(orm.em.fork(), 'not-a-token')).toEqual({
      ok: false,
      reason: 'unknown',
    });
    const token = await newSession('u-3');
    expect(await refreshTokens.revokeSessionOf(orm.em.fork(), token)).toBe(true);
    expect(await refreshTokens.rotate(orm.em.fork(), token)).toEqual({
      ok: false,
      reason: 'revoked',
    });
  });

  it('signs with the newest key after rotation and keeps the old key published', async () => {
    const keys = new KeyRing(orm, { accessTokenTtlSeconds: settings.ttlSeconds });
    const tokens = new AccessTokens(keys, settings);
    const before = await tokens.issue('u-4', ['CUSTOMER']);
    const newKid = await keys.rotate();
    const after = await tokens.issue('u-4', ['CUSTOMER']);

    expect(decodeProtectedHeader(after.token).kid).toBe(newKid);
    expect(decodeProtectedHeader(before.token).kid).not.toBe(newKid);
    const jwks = createLocalJWKSet(await keys.jwks());
    for (const { token } of [before, after]) {
      const { payload } = await jwtVerify(token, jwks, { algorithms: ['ES256'], ...settings });
      expect(payload).toMatchObject({ sub: 'u-4', roles: ['CUSTOMER'] });
    }
  });
});
