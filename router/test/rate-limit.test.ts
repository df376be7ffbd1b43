import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeInfra } from '@shop/testkit';
import { clientAddress, noTrustedProxy, trustedProxies } from '../src/client-address.js';
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
      // The tests' requests come from 127.0.0.1: a proxy of ours, whose X-Forwarded-For counts.
      SHOP_TRUSTED_PROXIES: 'loopback',
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
  const request = (forwarded: string | undefined, peer = '192.0.2.10') =>
    ({
      headers: forwarded ? { 'x-forwarded-for': forwarded } : {},
      socket: { remoteAddress: peer },
      connection: { remoteAddress: peer },
    }) as unknown as IncomingMessage;

  it('is the socket address when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress(request('1.2.3.4, 203.0.113.5'), noTrustedProxy)).toBe('192.0.2.10');
    expect(clientAddress(request('1.2.3.4'), trustedProxies([]))).toBe('192.0.2.10');
    expect(clientAddress(request(undefined, '::ffff:192.0.2.11'), noTrustedProxy)).toBe(
      '192.0.2.11',
    );
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', () => {
    const trust = trustedProxies(['10.0.0.0/8']);
    expect(clientAddress(request('1.2.3.4, 203.0.113.5'), trust)).toBe('192.0.2.10');
  });

  it('takes the right-most untrusted entry through trusted proxies, not the spoofable left-most', () => {
    const trust = trustedProxies(['10.0.0.0/8', 'loopback']);
    // The client sent "1.2.3.4"; our proxy appended the address it saw.
    expect(clientAddress(request('1.2.3.4, 203.0.113.5', '10.0.0.2'), trust)).toBe('203.0.113.5');
    // Two proxies of ours in a row.
    expect(clientAddress(request('1.2.3.4, 203.0.113.5, 10.0.0.7', '127.0.0.1'), trust)).toBe(
      '203.0.113.5',
    );
    expect(clientAddress(request('::ffff:203.0.113.9', '10.0.0.2'), trust)).toBe('203.0.113.9');
    expect(clientAddress(request(undefined, '10.0.0.2'), trust)).toBe('10.0.0.2');
    // Garbage where an address should be: the last proxy of ours is all that is known.
    expect(clientAddress(request('203.0.113.5, not-an-ip', '10.0.0.2'), trust)).toBe('10.0.0.2');
  });
});

describe('X-Forwarded-For through the router', () => {
  const whoamiIp = `query WhoAmI { whoami { clientIp } }`;
  const ipOf = async (shop: TestShop, forwarded: string) =>
    (
      await shop.call<{ whoami: { clientIp: string } }>(whoamiIp, {
        headers: { 'x-forwarded-for': forwarded },
      })
    ).data?.whoami.clientIp;

  it('gives an untrusted peer its own address, and keeps it inside its budget', async () => {
    const shop = await startTestShop({ SHOP_RATE_LIMIT_IP_PER_MINUTE: '3' });
    try {
      expect(await ipOf(shop, '1.2.3.4, 198.51.100.7')).toBe('127.0.0.1');
      // A new made-up address each time does not buy a new budget.
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++)
        statuses.push(
          (await shop.call(whoamiIp, { headers: { 'x-forwarded-for': `1.2.3.${i + 10}` } })).status,
        );
      expect(statuses).toEqual([200, 200, 429]);
    } finally {
      await shop.stop();
    }
  });

  it('through a trusted proxy, takes the right-most address that is not a proxy', async () => {
    const shop = await startTestShop({ SHOP_TRUSTED_PROXIES: '127.0.0.1/32, 10.0.0.0/8' });
    try {
      expect(await ipOf(shop, '1.2.3.4, 198.51.100.7')).toBe('198.51.100.7');
      expect(await ipOf(shop, '1.2.3.4, 198.51.100.7, 10.1.2.3')).toBe('198.51.100.7');
    } finally {
      await shop.stop();
    }
  });
});
