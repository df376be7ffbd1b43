import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeInfra } from '@shop/testkit';
import { clientAddress } from '../src/client-address.js';
import { startTestShop, type TestShop } from './support/test-shop.js';

const userBudget = 5;
const ipBudget = 3;
const whoami = `query WhoAmI { whoami { userId } }`;

const redis = await probeInfra(['redis']);
const runs = [
  { name: 'memory', env: {} as Record<string, string>, skip: false },
  { name: 'redis', env: { SHOP_INFRA: 'real' }, skip: !redis.ok },
];

describe.each(runs)('rate limits ($name)', ({ env, skip }) => {
  if (skip) {
    it.skip(`needs Redis: ${redis.reason}`, () => {});
    return;
  }
  let shop: TestShop;
  // Redis counters outlive a run: every user and address in this run is new.
  const run = Math.random().toString(36).slice(2, 8);
  const octet = () => Math.floor(Math.random() * 250) + 1;
  const ipBase = `10.${octet()}.${octet()}`;

  beforeAll(async () => {
    shop = await startTestShop({
      SHOP_RATE_LIMIT_USER_PER_MINUTE: String(userBudget),
      SHOP_RATE_LIMIT_IP_PER_MINUTE: String(ipBudget),
      SHOP_TRUST_PROXY: 'true',
      ...env,
    });
  });
  afterAll(async () => {
    await shop?.stop();
  });

  const asUser = async (userId: string, ip: string) =>
    shop.call(whoami, {
      token: await shop.token(`${userId}-${run}`),
      headers: { 'x-forwarded-for': ip },
    });
  const anonymous = (ip: string) => shop.call(whoami, { headers: { 'x-forwarded-for': ip } });

  it('answers the request over a user budget with 429 and Retry-After, for that user only', async () => {
    const ip = `${ipBase}.1`;
    for (let i = 0; i < userBudget; i++) expect((await asUser('busy', ip)).status).toBe(200);
    const over = await asUser('busy', ip);
    expect(over.status).toBe(429);
    const retryAfter = Number(over.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(over.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(over.errors?.[0]?.message).toMatch(/try again in \d+ seconds/);
    // Another user from the very same address is unaffected, and so is anonymous traffic.
    expect((await asUser('calm', ip)).status).toBe(200);
    expect((await anonymous(ip)).status).toBe(200);
  });

  it('limits anonymous clients per address, without touching other addresses or users', async () => {
    const ip = `${ipBase}.2`;
    for (let i = 0; i < ipBudget; i++) expect((await anonymous(ip)).status).toBe(200);
    const over = await anonymous(ip);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(over.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect((await anonymous(`${ipBase}.3`)).status).toBe(200);
    expect((await asUser('from-busy-address', ip)).status).toBe(200);
  });

  it('charges bad tokens to the address: guessing tokens is not free', async () => {
    const ip = `${ipBase}.4`;
    const statuses: number[] = [];
    for (let i = 0; i <= ipBudget; i++) {
      const result = await shop.call(whoami, {
        token: 'not.a.jwt',
        headers: { 'x-forwarded-for': ip },
      });
      statuses.push(result.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});

describe('rate limits while Redis is unreachable', () => {
  let shop: TestShop;

  beforeAll(async () => {
    shop = await startTestShop({
      SHOP_INFRA: 'real',
      SHOP_REDIS_URL: 'redis://127.0.0.1:9',
      SHOP_RATE_LIMIT_USER_PER_MINUTE: String(userBudget),
    });
  });
  afterAll(async () => {
    await shop?.stop();
  });

  it('still starts, serves and limits, counting in memory', async () => {
    const token = await shop.token('offline-user');
    for (let i = 0; i < userBudget; i++)
      expect((await shop.call(whoami, { token })).status).toBe(200);
    expect((await shop.call(whoami, { token })).status).toBe(429);
    expect(shop.logs.some((line) => /redis unreachable/.test(line.msg))).toBe(true);
  });
});

describe('the client address', () => {
  const request = (forwarded: string | undefined) =>
    ({
      headers: forwarded ? { 'x-forwarded-for': forwarded } : {},
      socket: { remoteAddress: '192.0.2.10' },
    }) as unknown as IncomingMessage;

  it('is the socket address unless the proxy is trusted', () => {
    expect(clientAddress(request('203.0.113.5, 10.0.0.1'), false)).toBe('192.0.2.10');
    expect(clientAddress(request('203.0.113.5, 10.0.0.1'), true)).toBe('203.0.113.5');
    expect(clientAddress(request(undefined), true)).toBe('192.0.2.10');
    expect(clientAddress(request('not-an-ip'), true)).toBe('192.0.2.10');
    expect(clientAddress(request('::ffff:203.0.113.9'), true)).toBe('203.0.113.9');
  });
});
