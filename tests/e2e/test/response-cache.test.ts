import { afterAll, beforeAll, expect, it } from 'vitest';
import { graphqlRequest, waitFor } from '@shop/testkit';
import {
  adjustStock,
  createCategory,
  createProduct,
  searchProducts,
  updateSku,
} from '../src/catalog-operations.js';
import { checkoutFixtures } from '../src/checkout-fixtures.js';
import { startShop, type ShopUnderTest } from '../src/shop-under-test.js';
import { describeOnEachShop } from '../src/shop-runs.js';

interface Listing {
  products: {
    totalCount: number;
    nodes: { id: string; name: string; minPrice: number; inStock: boolean }[];
  };
}

describeOnEachShop('the router’s response cache', ({ env }) => {
  let shop: ShopUnderTest;
  let skuId: string;
  let name: string;
  const search = () => ({ search: { text: name }, first: 5 });
  const anonymous = () =>
    graphqlRequest<Listing>(shop.router.url, searchProducts, { variables: search() });

  beforeAll(async () => {
    // Sales reach the index within a fifth of a second, so the popularity test need not wait 5 s.
    shop = await startShop({ SHOP_PRODUCT_SALES_PUBLISH_MS: '200', ...env });
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

  it('keeps cached pages through a sale, which moves only the popularity order', async () => {
    const given = checkoutFixtures(shop);
    const category = await shop.call(
      createCategory,
      { input: { name: '판매', slug: `sale-${shop.runId}` } },
      shop.adminToken,
    );
    const categoryId = category.data!.createCategory.id as string;
    const products: { id: string; skus: { id: string }[] }[] = [];
    for (const label of ['가', '나'])
      products.push(
        (
          await shop.call(
            createProduct,
            {
              input: {
                name: `판매 머그컵 ${label} ${shop.runId}`,
                categoryId,
                status: 'ACTIVE',
                basePrice: 8_000,
                initialStock: 5,
              },
            },
            shop.adminToken,
          )
        ).data!.createProduct,
      );
    // Unsold, they rank by id: the one sold is the one ranked second.
    const sold = products.sort((a, b) => a.id.localeCompare(b.id))[1]!;
    const page = (search: Record<string, unknown> = {}) =>
      graphqlRequest<Listing>(shop.router.url, searchProducts, {
        variables: { search: { categoryId, ...search }, first: 5 },
      });
    // A page may be cached just before the second product moves the generation: wait past it.
    await waitFor('both listed, from the cache', async () => {
      const listed = await page();
      return listed.data?.products.totalCount === 2 && listed.headers.get('x-shop-cache') === 'hit';
    });

    const buyer = await given.customer();
    const order = (
      await given.order(buyer.token, { lines: [{ skuId: sold.skus[0]!.id, quantity: 1 }] })
    ).data!.createOrder as { id: string; totalAmount: number };
    const paymentKey = await given.authorize(order.id, order.totalAmount);
    const paid = await given.confirm(buyer.token, order.id, paymentKey, order.totalAmount);
    expect(paid.data!.confirmPayment).toMatchObject({ status: 'APPROVED' });
    // Each look a page never asked for before, so neither cache answers it.
    let look = 0;
    await waitFor('the sale in the popularity order', async () => {
      look += 1;
      const fresh = await page({ sort: 'POPULARITY', maxPrice: 1_000_000 + look });
      return fresh.data?.products.nodes[0]?.id === sold.id;
    });
    const cached = await page();
    expect(cached.headers.get('x-shop-cache')).toBe('hit');
    expect(cached.data!.products.totalCount).toBe(2);
  });
});
