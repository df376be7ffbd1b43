import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InternalTokens } from '@shop/kit/identity';
import { internalSecret, startTestShop, type TestShop } from './support/test-shop.js';

const whoami = `query WhoAmI { whoami { via kind userId roles clientIp requestId } }`;

describe('identity forwarded to subgraphs', () => {
  let shop: TestShop;

  beforeAll(async () => {
    shop = await startTestShop();
  });
  afterAll(async () => {
    await shop?.stop();
  });

  it('forwards a verified token as a signed internal token with the user, roles and request id', async () => {
    const token = await shop.token('user-42', { roles: ['CUSTOMER', 'ADMIN'] });
    const result = await shop.call(whoami, { token, headers: { 'x-request-id': 'req-abc.123' } });
    expect(result.status).toBe(200);
    expect(result.data?.whoami).toEqual({
      via: 'router',
      kind: 'user',
      userId: 'user-42',
      roles: ['CUSTOMER', 'ADMIN'],
      clientIp: '127.0.0.1',
      requestId: 'req-abc.123',
    });
    expect(result.headers.get('x-request-id')).toBe('req-abc.123');
    // The subgraph checked the token itself; check it again here, independently.
    const seen = shop.accounts.seen.at(-1)!;
    const caller = await new InternalTokens(internalSecret).verify(seen.internalToken);
    expect(caller).toMatchObject({ via: 'router', identity: { kind: 'user', userId: 'user-42' } });
    expect(seen.headers.authorization).toBeUndefined();
  });

  it('never passes a client-sent internal token through, even a validly signed one', async () => {
    const forged = await new InternalTokens(internalSecret).sign({
      via: 'router',
      identity: { kind: 'user', userId: 'admin-1', roles: ['ADMIN'] },
    });
    const token = await shop.token('user-7');
    const withToken = await shop.call(whoami, {
      token,
      headers: { 'x-shop-internal-token': forged, 'x-shop-anything': 'x' },
    });
    expect(withToken.data?.whoami).toMatchObject({ userId: 'user-7', roles: ['CUSTOMER'] });
    const seen = shop.accounts.seen.at(-1)!;
    expect(seen.internalToken).not.toBe(forged);
    expect(seen.headers['x-shop-anything']).toBeUndefined();

    const anonymous = await shop.call(whoami, { headers: { 'x-shop-internal-token': forged } });
    expect(anonymous.data?.whoami).toMatchObject({ kind: 'anonymous', userId: null, roles: [] });
    expect(shop.accounts.seen.at(-1)!.internalToken).not.toBe(forged);
  });

  it('treats a request without a token as anonymous', async () => {
    const result = await shop.call(whoami);
    expect(result.status).toBe(200);
    expect(result.data?.whoami).toMatchObject({ via: 'router', kind: 'anonymous', userId: null });
    const me = await shop.call(`{ me { id } }`);
    expect(me.data).toEqual({ me: null });
  });

  it('signs once per client request and reuses it for every subgraph fetch', async () => {
    const token = await shop.token('user-9');
    const before = { accounts: shop.accounts.seen.length, catalog: shop.catalog.seen.length };
    const result = await shop.call(
      `query Favorites { me { name favorites { name } } products(first: 1) { name } }`,
      { token },
    );
    expect(result.errors).toBeUndefined();
    const fetches = [
      ...shop.accounts.seen.slice(before.accounts),
      ...shop.catalog.seen.slice(before.catalog),
    ];
    expect(fetches.length).toBeGreaterThanOrEqual(3);
    expect(new Set(fetches.map((fetch) => fetch.internalToken)).size).toBe(1);
    expect(new Set(fetches.map((fetch) => fetch.requestId)).size).toBe(1);
  });

  it('generates a request id when the client sends none or a silly one, and logs one line', async () => {
    const silly = await shop.call(whoami, {
      headers: { 'x-request-id': 'no spaces allowed\u00e9' },
    });
    const id = silly.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(shop.accounts.seen.at(-1)!.requestId).toBe(id);

    const token = await shop.token('user-log');
    await shop.call(whoami, { token, headers: { 'x-request-id': 'log-line-1' } });
    const lines = shop.logs.filter((line) => line.requestId === 'log-line-1');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      msg: 'graphql request',
      operationName: 'WhoAmI',
      userId: 'user-log',
      status: 200,
      outcome: 'success',
      errors: 0,
    });
    expect(lines[0]!.durationMs).toEqual(expect.any(Number));
  });
});
