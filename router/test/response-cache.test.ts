import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listingGeneration } from '@shop/contracts';
import { MemoryCache } from '@shop/kit/cache';
import { waitFor } from '@shop/testkit';
import { catalogPrice, startTestShop } from './support/test-shop.js';

const products = `query Products { products(first: 2) { id price } }`;
const pricedAt = (price: number) => ({
  products: ['p1', 'p2'].map((id) => ({ id, price })),
});

/** A shop whose catalog generation the test moves, as catalog does after a product change. */
async function startCachingShop(staleMs: number) {
  const generations = new MemoryCache();
  const shop = await startTestShop(
    { SHOP_RESPONSE_CACHE_STALE_MS: String(staleMs) },
    { catalogCache: generations },
  );
  const call = async () => {
    const answer = await shop.call<ReturnType<typeof pricedAt>>(products);
    return { cache: answer.headers.get('x-shop-cache'), data: answer.data };
  };
  return {
    shop,
    call,
    /** The catalog now prices at `price`, and the generation moves on. */
    change: async (price: number, generation: string) => {
      shop.setCatalogPrice(price);
      await generations.set(listingGeneration.key, generation, 3600);
    },
    /** Starts a request; resolves once the catalog has been asked for its answer. */
    fetching: async () => {
      const asked = shop.catalog.seen.length;
      const answered = call();
      await waitFor('the catalog to be asked', () => shop.catalog.seen.length > asked, {
        intervalMs: 5,
      });
      return { answered };
    },
  };
}

describe('the response cache, once a product change moves the generation on', () => {
  let cached: Awaited<ReturnType<typeof startCachingShop>>;

  beforeAll(async () => {
    cached = await startCachingShop(1000);
  });
  afterAll(async () => {
    await cached?.shop.stop();
  });

  it('answers with the previous answer while the new one is fetched, never after', async () => {
    await cached.change(catalogPrice, 'g1');
    expect(await cached.call()).toMatchObject({ cache: 'miss', data: pricedAt(catalogPrice) });
    expect(await cached.call()).toMatchObject({ cache: 'hit', data: pricedAt(catalogPrice) });

    await cached.change(2000, 'g2');
    cached.shop.catalog.delay(600);
    const { answered: refresh } = await cached.fetching();
    // The catalog answers in 600 ms: meanwhile the same query gets the previous answer at once.
    expect(await cached.call()).toEqual({ cache: 'stale', data: pricedAt(catalogPrice) });
    expect(await refresh).toEqual({ cache: 'miss', data: pricedAt(2000) });
    for (let i = 0; i < 3; i++)
      expect(await cached.call()).toEqual({ cache: 'hit', data: pricedAt(2000) });
  });

  it('makes the next request fetch once a refresh is older than SHOP_RESPONSE_CACHE_STALE_MS', async () => {
    await cached.change(3000, 'g3');
    cached.shop.catalog.delay(3000);
    const { answered: lost } = await cached.fetching();
    expect(await cached.call()).toMatchObject({ cache: 'stale', data: pricedAt(2000) });
    await sleep(1100);
    // The first refresh is past 1000 ms: this request fetches and becomes the refresh.
    const { answered: next } = await cached.fetching();
    expect(await cached.call()).toMatchObject({ cache: 'stale', data: pricedAt(2000) });
    expect(await lost).toEqual({ cache: 'miss', data: pricedAt(3000) });
    expect(await next).toEqual({ cache: 'miss', data: pricedAt(3000) });
  });

  it('serves nothing older than it served, when the generation moves twice during a fetch', async () => {
    cached.shop.catalog.delay(600);
    await cached.change(4000, 'g4');
    const { answered: underG4 } = await cached.fetching();
    await cached.change(5000, 'g5');
    const { answered: underG5 } = await cached.fetching();
    // Answered under g4 after g5 began: neither kept nor may the g3 answer (3000) be served now.
    expect(await underG4).toMatchObject({ cache: 'miss', data: pricedAt(5000) });
    const after = await cached.call();
    expect(after.cache).not.toBe('stale');
    expect(after.data).toEqual(pricedAt(5000));
    expect(await underG5).toEqual({ cache: 'miss', data: pricedAt(5000) });
  });
});

describe('the response cache with SHOP_RESPONSE_CACHE_STALE_MS=0', () => {
  let cached: Awaited<ReturnType<typeof startCachingShop>>;

  beforeAll(async () => {
    cached = await startCachingShop(0);
  });
  afterAll(async () => {
    await cached?.shop.stop();
  });

  it('makes every request after a change wait on a fetch of its own', async () => {
    await cached.change(catalogPrice, 'g1');
    await cached.call();
    expect(await cached.call()).toMatchObject({ cache: 'hit' });
    await cached.change(2000, 'g2');
    cached.shop.catalog.delay(200);
    const { answered: refresh } = await cached.fetching();
    expect(await cached.call()).toEqual({ cache: 'miss', data: pricedAt(2000) });
    expect(await refresh).toEqual({ cache: 'miss', data: pricedAt(2000) });
  });
});
