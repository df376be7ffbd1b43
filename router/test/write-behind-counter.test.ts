import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { probeInfra, waitFor } from '@shop/testkit';
import { WriteBehindCounter, type CounterDecision } from '../src/write-behind-counter.js';

const infra = await probeInfra(['redis']);
const redis = infra.ok ? new Redis(process.env.SHOP_REDIS_URL!) : undefined;
await redis?.ping();
afterAll(() => redis?.disconnect());

const points = 5;
const windowMs = 60_000;
/** A counter as one router instance holds it; instances given the same prefix share a budget. */
const counter = (keyPrefix: string, store?: Redis) =>
  new WriteBehindCounter({ keyPrefix, points, windowMs, syncMs: 100, redis: store });
const allowedOf = (decisions: CounterDecision[]) =>
  decisions.filter((decision) => decision.allowed).length;
const inSequence = async (count: number, consume: () => Promise<CounterDecision>) => {
  const decisions: CounterDecision[] = [];
  for (let i = 0; i < count; i++) decisions.push(await consume());
  return decisions;
};

describe.each([
  { name: 'memory (embedded)', store: () => undefined, skip: false },
  { name: 'Redis (real runs)', store: () => redis, skip: !infra.ok },
])('a write-behind counter alone, $name', ({ store, skip }) => {
  it.skipIf(skip)('admits exactly its points per key, then says when the window ends', async () => {
    const alone = counter(`test-${randomUUID()}`, store());
    const decisions = await inSequence(points + 2, () => alone.consume('client'));
    expect(decisions.map((decision) => decision.allowed)).toEqual([
      ...Array<boolean>(points).fill(true),
      false,
      false,
    ]);
    const refusal = decisions.at(-1)!;
    if (refusal.allowed) throw new Error('expected a refusal');
    expect(refusal.msBeforeNext).toBeGreaterThan(0);
    expect(refusal.msBeforeNext).toBeLessThanOrEqual(windowMs);
    // Another key has a budget of its own.
    expect(await alone.consume('someone else')).toEqual({ allowed: true });
  });

  it.skipIf(skip)('admits exactly its points to requests arriving all at once', async () => {
    const alone = counter(`test-${randomUUID()}`, store());
    const decisions = await Promise.all(
      Array.from({ length: 4 * points }, () => alone.consume('client')),
    );
    expect(allowedOf(decisions)).toBe(points);
  });
});

describe.skipIf(!infra.ok)('write-behind counters of several router instances', () => {
  const redisKeyOf = (prefix: string, key: string) =>
    `${prefix}:${Math.floor(Date.now() / windowMs)}:${key}`;

  it("share one budget: an instance's counts reach Redis, and a key new to another instance is read before its first request", async () => {
    const prefix = `test-${randomUUID()}`;
    const first = counter(prefix, redis);
    const second = counter(prefix, redis);
    expect(allowedOf(await inSequence(points - 1, () => first.consume('client')))).toBe(points - 1);
    await waitFor('the first instance to share its counts', async () =>
      Number(await redis!.get(redisKeyOf(prefix, 'client'))) === points - 1 ? true : undefined,
    );
    const decisions = await inSequence(3, () => second.consume('client'));
    expect(decisions.map((decision) => decision.allowed)).toEqual([true, false, false]);
    // And the first learns of the second's request at its next sharing.
    await waitFor('the first instance to refuse the spent key', async () => {
      const decision = await first.consume('client');
      return decision.allowed ? undefined : decision;
    });
  });

  it('admit no more than the budget together to requests arriving at both at once', async () => {
    const prefix = `test-${randomUUID()}`;
    const instances = [counter(prefix, redis), counter(prefix, redis)];
    const decisions = await Promise.all(
      instances.flatMap((instance) =>
        Array.from({ length: 4 * points }, () => instance.consume('client')),
      ),
    );
    expect(allowedOf(decisions)).toBe(points);
  });

  it('count in memory while Redis is unreachable, exactly', async () => {
    const unreachable = new Redis('redis://127.0.0.1:9', {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      lazyConnect: true,
    });
    unreachable.on('error', () => {});
    try {
      const offline = counter(`test-${randomUUID()}`, unreachable);
      const decisions = await inSequence(points + 1, () => offline.consume('client'));
      expect(allowedOf(decisions)).toBe(points);
      expect(decisions.at(-1)!.allowed).toBe(false);
    } finally {
      unreachable.disconnect();
    }
  });
});
