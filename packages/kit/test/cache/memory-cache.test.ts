import { describe, expect, it } from 'vitest';
import { MemoryCache } from '../../src/cache/index.js';
import { describeCacheContract } from './cache.contract.js';

let now = Date.now();
describeCacheContract({
  name: 'memory',
  create: () => new MemoryCache({ now: () => now }),
  elapse: async (ms) => {
    now += ms;
  },
});

describe('memory cache bound', () => {
  it('evicts the least recently used entry beyond maxEntries', async () => {
    const cache = new MemoryCache({ maxEntries: 3 });
    await cache.set('a', 'a', 60, ['t']);
    await cache.set('b', 'b', 60, ['t']);
    await cache.set('c', 'c', 60, ['t']);
    await cache.get('a');
    await cache.set('d', 'd', 60, ['t']);

    expect(await cache.get('b')).toBeUndefined();
    expect(await cache.get('a')).toBe('a');
    expect(await cache.get('c')).toBe('c');
    expect(await cache.get('d')).toBe('d');
    // The evicted entry left the tag index too: only the three live entries are removed.
    expect(await cache.deleteByTag('t')).toBe(3);
  });
});
