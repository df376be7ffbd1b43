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
  /** Starts a request; resolves once it was answered from the cache or has asked the catalog. */
  const start = async () => {
    const asked = shop.catalog.seen.length;
    let settled = false;
    const answered = call().finally(() => (settled = true));
    await waitFor('an answer or a fetch', () => settled || shop.catalog.seen.length > asked, {
      intervalMs: 5,
    });
    return { answered, fetched: shop.catalog.seen.length > asked };
  };
  return {
    shop,
    call,
    /** The catalog now prices at `price`, and the generation moves on. */
    change: async (price: number, generation: string) => {
      shop.setCatalogPrice(price);
      await generations.set(listingGeneration.key, generation, 3600);
    },
    start,
    /** Starts a request that must fetch; resolves once the catalog has been asked. */
    fetching: async () => {
      const started = await start();
      expect(started.fetched).toBe(true);
      return started;
    },
  };
}

/** A caching shop for the tests of one describe block, started before and stopped after them. */
function cachingShopFor(staleMs: number) {
  let cached: Awaited<ReturnType<typeof startCachingShop>> | undefined;
  beforeAll(async () => {
    cached = await startCachingShop(staleMs);
  });
  afterAll(async () => {
    await cached?.shop.stop();
  });
  return () => cached!;
}

describe('the response cache, once a product change moves the generation on', () => {
  const cachingShop = cachingShopFor(1000);

  it('answers with the previous answer while the new one is fetched, never after', async () => {
    const cached = cachingShop();
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
    const cached = cachingShop();
    await cached.change(3000, 'g3');
    cached.shop.catalog.delay(3000);
    const { answered: lost } = await cached.fetching();
    expect(await cached.call()).toMatchObject({ cache: 'stale', data: pricedAt(2000) });
    // Answered stale until the first refresh is past 1000 ms: then a request fetches, the refresh.
    const { answered: next } = await waitFor(
      'a request to fetch again',
      async () => {
        const started = await cached.start();
        return started.fetched ? started : undefined;
      },
      { intervalMs: 50 },
    );
    expect(await cached.call()).toMatchObject({ cache: 'stale', data: pricedAt(2000) });
    expect(await lost).toEqual({ cache: 'miss', data: pricedAt(3000) });
    expect(await next).toEqual({ cache: 'miss', data: pricedAt(3000) });
  });

  it('serves nothing older than it served, when the generation moves twice during a fetch', async () => {
    const cached = cachingShop();
    cached.shop.catalog.delay(600);
    await cached.change(4000, 'g4');
    const { answered: underG4 } = await cached.fetching();
    await cached.change(5000, 'g5');
    // Held longer than the g4 fetch, so it is still the refresh when that one is answered.
    cached.shop.catalog.delay(1500);
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
  const cachingShop = cachingShopFor(0);

  it('makes every request after a change wait on a fetch of its own', async () => {
    const cached = cachingShop();
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
