import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import type { Cache } from '../../src/cache/index.js';

/** What an implementation brings to the contract suite. */
export interface CacheHarness {
  name: string;
  /** A cache for one service; caches created with the same prefix share a store where possible. */
  create(prefix: string): Cache;
  /** Lets `ms` pass on the clock the caches expire entries by. */
  elapse(ms: number): Promise<void>;
}

const minute = 60;

/** The behaviour every cache has, whatever stores it. */
export function describeCacheContract(harness: CacheHarness): void {
  describe(`cache contract on ${harness.name}`, () => {
    const run = `cache-test-${randomBytes(4).toString('hex')}`;
    const opened: Cache[] = [];
    const open = (service = 'svc') => {
      const cache = harness.create(`${run}-${service}`);
      opened.push(cache);
      return cache;
    };

    afterAll(async () => {
      await Promise.all(opened.map((cache) => cache.close()));
    });

    it('round-trips JSON values and misses with undefined', async () => {
      const cache = open();
      const values = {
        object: { id: 'p1', price: { amount: 12_900, currency: 'KRW' }, tags: ['a', 'b'] },
        array: [1, 'two', null, { three: 3 }],
        text: '무선 이어폰 — "quoted"',
        number: 0,
        boolean: false,
        null: null,
      };
      for (const [key, value] of Object.entries(values)) await cache.set(key, value, minute);
      for (const [key, value] of Object.entries(values)) {
        expect(await cache.get(key)).toEqual(value);
      }
      expect(await cache.get('absent')).toBeUndefined();
      await expect(cache.set('undefined', undefined, minute)).rejects.toThrow(/not JSON/);
    });

    it('expires entries after their ttl', async () => {
      const cache = open();
      await cache.set('short', 'soon gone', 0.2);
      await cache.set('long', 'stays', minute);
      expect(await cache.get('short')).toBe('soon gone');
      await harness.elapse(350);
      expect(await cache.get('short')).toBeUndefined();
      expect(await cache.get('long')).toBe('stays');
    });

    it('overwrites a value and deletes one key only', async () => {
      const cache = open();
      await cache.set('k', 1, minute);
      await cache.set('k', 2, minute);
      await cache.set('other', 3, minute);
      expect(await cache.get('k')).toBe(2);
      await cache.delete('k');
      expect(await cache.get('k')).toBeUndefined();
      expect(await cache.get('other')).toBe(3);
    });

    it('deleteByTag removes every tagged entry and nothing else', async () => {
      const cache = open();
      await cache.set('page:1', ['p1', 'p2'], minute, ['product:p1', 'product:p2']);
      await cache.set('page:2', ['p1'], minute, ['product:p1']);
      await cache.set('page:3', ['p3'], minute, ['product:p3']);
      await cache.set('untagged', 'x', minute);

      expect(await cache.deleteByTag('product:p1')).toBe(2);

      expect(await cache.get('page:1')).toBeUndefined();
      expect(await cache.get('page:2')).toBeUndefined();
      expect(await cache.get('page:3')).toEqual(['p3']);
      expect(await cache.get('untagged')).toBe('x');
      expect(await cache.deleteByTag('product:p1')).toBe(0);
      expect(await cache.deleteByTag('product:p2')).toBe(0);
    });

    it('getOrSet coalesces 100 concurrent misses into one loader call', async () => {
      const cache = open();
      let loads = 0;
      let loadStarted!: () => void;
      const started = new Promise<void>((resolve) => (loadStarted = resolve));
      let finishLoad!: () => void;
      const finished = new Promise<void>((resolve) => (finishLoad = resolve));
      const loader = async () => {
        loads++;
        loadStarted();
        await finished;
        return { page: 1, items: ['p1'] };
      };
      const asked = Promise.all(
        Array.from({ length: 100 }, () => cache.getOrSet('hot', minute, loader)),
      );
      // The load runs with all 100 callers waiting on it; it ends when the test lets it.
      await started;
      finishLoad();
      const results = await asked;
      expect(loads).toBe(1);
      for (const result of results) expect(result).toEqual({ page: 1, items: ['p1'] });
      expect(await cache.getOrSet('hot', minute, loader)).toEqual({ page: 1, items: ['p1'] });
      expect(loads).toBe(1);
    });

    it('getOrSet caches nothing when the loader fails, and tags what it stores', async () => {
      const cache = open();
      const failing = () => Promise.reject(new Error('catalog down'));
      const attempts = await Promise.allSettled([
        cache.getOrSet('page', minute, failing),
        cache.getOrSet('page', minute, failing),
      ]);
      expect(attempts.map((attempt) => attempt.status)).toEqual(['rejected', 'rejected']);
      expect(await cache.get('page')).toBeUndefined();

      let loads = 0;
      const loader = async () => ++loads;
      expect(await cache.getOrSet('page', minute, loader, ['product:p1'])).toBe(1);
      await cache.deleteByTag('product:p1');
      expect(await cache.getOrSet('page', minute, loader, ['product:p1'])).toBe(2);
    });

    it('getOrSet returns on a miss what a hit would return', async () => {
      const cache = open();
      const loaded = await cache.getOrSet('dated', minute, async () => ({ at: new Date(0) }));
      expect(loaded).toEqual({ at: '1970-01-01T00:00:00.000Z' });
      expect(await cache.get('dated')).toEqual(loaded);
    });

    it('isolates services by prefix', async () => {
      const catalog = open('catalog');
      const order = open('order');
      await catalog.set('config', 'catalog value', minute, ['shared-tag']);
      await order.set('config', 'order value', minute, ['shared-tag']);

      expect(await catalog.get('config')).toBe('catalog value');
      expect(await order.get('config')).toBe('order value');
      expect(await catalog.deleteByTag('shared-tag')).toBe(1);
      expect(await catalog.get('config')).toBeUndefined();
      expect(await order.get('config')).toBe('order value');
    });
  });
}
