import { describe, expect, it } from 'vitest';
import { MemoryCache, createCache } from '../../src/cache/index.js';

describe('createCache', () => {
  it('uses memory in the embedded run', async () => {
    const cache = createCache({ mode: 'embedded', prefix: 'catalog' });
    expect(cache).toBeInstanceOf(MemoryCache);
    await cache.close();
  });

  it('refuses the real run without a Redis URL', () => {
    expect(() => createCache({ mode: 'real', prefix: 'catalog' })).toThrow(/Redis URL/);
  });
});
