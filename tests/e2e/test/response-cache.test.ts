import { afterAll, beforeAll, expect, it } from 'vitest';
import { graphqlRequest, waitFor } from '@shop/testkit';
import {
  adjustStock,
  createCategory,
  createProduct,
  searchProducts,
  updateSku,
} from '../src/catalog-operations.js';
import { startShop, type ShopUnderTest } from '../src/shop-under-test.js';
import { describeOnEachShop } from '../src/shop-runs.js';

interface Listing {
  products: { totalCount: number; nodes: { name: string; minPrice: number; inStock: boolean }[] };
}

describeOnEachShop('the router’s response cache', ({ env }) => {
  let shop: ShopUnderTest;
  let skuId: string;
  let name: string;
  const search = () => ({ search: { text: name }, first: 5 });
  const anonymous = () =>
    graphqlRequest<Listing>(shop.router.url, searchProducts, { variables: search() });

  beforeAll(async () => {
    shop = await startShop(env);
    name = `캐시 머그컵 ${shop.runId}`;
    const category = await shop.call(
      createCategory,
      { input: { name: '컵', slug: `cups-${shop.runId}` } },
      shop.adminToken,
    );
    const product = await shop.call(
      createProduct,
      {
        input: {
          name,
          categoryId: category.data!.createCategory.id,
          status: 'ACTIVE',
          basePrice: 12_000,
          initialStock: 3,
        },
      },
      shop.adminToken,
    );
    skuId = product.data!.createProduct.skus[0].id;
    await waitFor(
      'the mug to be listed',
      async () => (await anonymous()).data?.products.totalCount === 1,
    );
  });

  afterAll(async () => {
    await shop?.stop();
  });

  it('answers a repeated anonymous listing from the cache, and nobody else’s', async () => {
    await anonymous();
    const again = await anonymous();
    expect(again.headers.get('x-shop-cache')).toBe('hit');
    expect(again.data?.products.nodes[0]).toMatchObject({ name, minPrice: 12_000, inStock: true });
    // Signed-in callers, and queries reaching beyond the catalog (live stock), are never cached.
    const signedIn = await shop.call(searchProducts, search(), shop.adminToken);
    expect(signedIn.headers.get('x-shop-cache')).toBeNull();
    const withStock = `query { products(search: { text: "${name}" }) { nodes { skus { available } } } }`;
    await graphqlRequest(shop.router.url, withStock);
    expect(
      (await graphqlRequest(shop.router.url, withStock)).headers.get('x-shop-cache'),
    ).toBeNull();
  });

  it('never answers with an old price or stock once the change is in the catalog', async () => {
    expect((await anonymous()).headers.get('x-shop-cache')).toBe('hit');
    await shop.call(updateSku, { id: skuId, input: { price: 9_900 } }, shop.adminToken);
    const seen: number[] = [];
    await waitFor('the new price', async () => {
      seen.push((await anonymous()).data!.products.nodes[0]!.minPrice);
      return seen.at(-1) === 9_900;
    });
    // Once the new price was served, every later answer has it (cached or not).
    for (let i = 0; i < 20; i++)
      expect((await anonymous()).data!.products.nodes[0]!.minPrice).toBe(9_900);
    expect(seen.slice(seen.indexOf(9_900))).toEqual([9_900]);

    await shop.call(
      adjustStock,
      { skuId, input: { kind: 'ADJUSTED', quantity: -3, reference: `sell-out-${shop.runId}` } },
      shop.adminToken,
    );
    await waitFor(
      'the mug to be out of stock',
      async () => (await anonymous()).data!.products.nodes[0]!.inStock === false,
    );
    for (let i = 0; i < 20; i++)
      expect((await anonymous()).data!.products.nodes[0]!.inStock).toBe(false);
  });
});
