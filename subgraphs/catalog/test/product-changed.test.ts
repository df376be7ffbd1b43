import { describe, expect, it } from 'vitest';
import { listingGeneration } from '@shop/contracts';
import { createLogger } from '@shop/kit';
import { MemoryCache } from '@shop/kit/cache';
import { productChangedHandler } from '../src/events/product-changed.handler.js';
import { MemoryIndex } from '../src/search/memory-index.js';
import { ListingCache } from '../src/services/listing-cache.js';
import { catalogFixture } from './catalog-fixture.js';

describe('ProductChanged in catalog', () => {
  const cache = new MemoryCache();
  const { handler } = productChangedHandler({
    index: new MemoryIndex(),
    listings: new ListingCache(cache, 300),
    logger: createLogger('catalog-test', { level: 'silent' }),
  });
  const context = { topic: 'product', attempt: 1 };
  const generation = () => cache.get<string>(listingGeneration.key);

  it('drops the cached pages for a change a listing shows, and keeps them for a sale', async () => {
    const [product] = catalogFixture();
    await handler(product!, context);
    const listed = await generation();
    expect(listed).toBeDefined();
    await handler({ ...product!, soldCount: product!.soldCount + 1, revision: 2 }, context);
    expect(await generation()).toBe(listed);
    await handler({ ...product!, name: `${product!.name} (새 이름)`, revision: 3 }, context);
    expect(await generation()).not.toBe(listed);
  });

  it('drops the cached pages again for a redelivered change, and not for an older one', async () => {
    const [, product] = catalogFixture();
    const renamed = { ...product!, name: `${product!.name} (새 이름)`, revision: 5 };
    await handler(renamed, context);
    const listed = await generation();
    // The first delivery may have died after indexing, before the pages were dropped.
    await handler(renamed, context);
    const redelivered = await generation();
    expect(redelivered).not.toBe(listed);
    await handler({ ...renamed, revision: 4 }, context);
    expect(await generation()).toBe(redelivered);
  });
});
