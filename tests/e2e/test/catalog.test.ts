import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { waitFor } from '@shop/testkit';
import {
  adjustStock,
  createBrand,
  createCategory,
  createProduct,
  listingWithDetails,
  productDetail,
  searchProducts,
  suggestions,
  updateSku,
} from '../src/catalog-operations.js';
import { startShop, type ShopUnderTest } from '../src/shop-under-test.js';
import { describeOnEachShop } from '../src/shop-runs.js';

interface Sku {
  id: string;
  price: number;
  available: number;
  options: { name: string; value: string }[];
}

describeOnEachShop('product and catalog through the router', ({ env }) => {
  let shop: ShopUnderTest;
  let categoryId: string;
  let leafCategoryId: string;
  let brandId: string;

  const admin = (query: string, variables?: Record<string, unknown>) =>
    shop.call(query, variables, shop.adminToken);

  async function newProduct(name: string, extra: Record<string, unknown> = {}) {
    const result = await admin(createProduct, {
      input: {
        name,
        description: `${name} 설명`,
        brandId,
        categoryId: leafCategoryId,
        status: 'ACTIVE',
        basePrice: 19_900,
        initialStock: 5,
        images: ['/media/placeholders/test-1.svg'],
        ...extra,
      },
    });
    expect(result.data?.createProduct?.__typename, JSON.stringify(result)).toBe('Product');
    return result.data!.createProduct as { id: string; skus: Sku[] };
  }

  /** This run's products only: the real databases keep earlier runs' products. */
  const search = (search: Record<string, unknown> = {}, first = 24) =>
    shop.call(searchProducts, { search: { categoryId, ...search }, first });

  beforeAll(async () => {
    shop = await startShop({
      SHOP_RESERVATION_TTL_SECONDS: '10',
      SHOP_RESERVATION_SWEEP_MS: '300',
      ...env,
    });
    const parent = await admin(createCategory, {
      input: { name: '의류', slug: `clothing-${shop.runId}` },
    });
    categoryId = parent.data!.createCategory.id;
    const leaf = await admin(createCategory, {
      input: { name: '남성 티셔츠', slug: `mens-tees-${shop.runId}`, parentId: categoryId },
    });
    leafCategoryId = leaf.data!.createCategory.id;
    const brand = await admin(createBrand, {
      input: { name: '무명브랜드', slug: `plain-${shop.runId}` },
    });
    brandId = brand.data!.createBrand.id;
  });

  afterAll(async () => {
    await shop?.stop();
  });

  it('makes a new product searchable with its facets, shows price changes and drops it when sold out', async () => {
    const product = await newProduct('남성 반팔 티셔츠', {
      optionGroups: [
        { name: '색상', values: ['블랙', '화이트'] },
        { name: '사이즈', values: ['S', 'M', 'L'] },
      ],
    });
    expect(product.skus).toHaveLength(6);
    expect(new Set(product.skus.map((sku) => sku.options.map((o) => o.value).join('/')))).toEqual(
      new Set(['블랙/S', '블랙/M', '블랙/L', '화이트/S', '화이트/M', '화이트/L']),
    );

    const created = Date.now();
    const found = await waitFor(
      'the new product in search',
      async () => {
        const result = await search({ text: '반팔 티셔츠' });
        return (
          result.data?.products.nodes.some((node: { id: string }) => node.id === product.id) &&
          result
        );
      },
      { timeoutMs: 2000, intervalMs: 50 },
    );
    expect(Date.now() - created).toBeLessThan(2000);
    const facets = found.data!.products.facets;
    expect(facets.brands).toContainEqual({ value: brandId, label: '무명브랜드', count: 1 });
    expect(facets.categories).toContainEqual({
      value: leafCategoryId,
      label: '남성 티셔츠',
      count: 1,
    });
    expect(facets.options).toContainEqual({
      name: '색상',
      values: expect.arrayContaining([
        { value: '블랙', count: 1 },
        { value: '화이트', count: 1 },
      ]),
    });

    // A listing page is cached now; the price change must still show once its event is applied.
    const cheaper = product.skus[0]!;
    expect((await search()).data?.products.nodes[0]).toMatchObject({
      id: product.id,
      minPrice: 19_900,
    });
    await admin(updateSku, { id: cheaper.id, input: { price: 9_900 } });
    await waitFor('the new price in the listing', async () => {
      const node = (await search()).data?.products.nodes.find(
        (n: { id: string }) => n.id === product.id,
      );
      return node?.minPrice === 9_900;
    });
    for (let i = 0; i < 5; i++)
      expect((await search()).data?.products.nodes[0].minPrice, 'never the old price again').toBe(
        9_900,
      );

    for (const sku of product.skus) {
      const adjusted = await admin(adjustStock, {
        skuId: sku.id,
        input: { kind: 'ADJUSTED', quantity: -5, reference: `count-${sku.id}` },
      });
      expect(adjusted.data?.adjustStock).toMatchObject({ available: 0, onHand: 0 });
    }
    await waitFor('the sold-out product gone from the in-stock filter', async () => {
      const result = await search({ inStockOnly: true });
      return !result.data?.products.nodes.some((n: { id: string }) => n.id === product.id);
    });
    const all = await search();
    expect(all.data?.products.nodes.find((n: { id: string }) => n.id === product.id)).toMatchObject(
      {
        inStock: false,
      },
    );
  });

  it('finds Korean and English names by words, partial words and typos', async () => {
    const names = [
      '남성 반팔 티셔츠 베이직',
      '여성 긴팔 셔츠',
      "Men's Cotton T-Shirt",
      '경량 러닝화',
    ];
    const ids = new Map<string, string>();
    for (const name of names) ids.set(name, (await newProduct(name)).id);
    const namesFor = async (text: string) => {
      const result = await search({ text });
      return (result.data?.products.nodes ?? []).map((node: { name: string }) => node.name);
    };
    await waitFor('every product indexed', async () => (await namesFor('러닝화')).length > 0);

    expect((await namesFor('반팔 티셔츠'))[0]).toMatch(/반팔 티셔츠/);
    expect(await namesFor('반팔 티셔츠')).not.toContain('경량 러닝화');
    expect(await namesFor('티셔쯔')).toContain('남성 반팔 티셔츠 베이직');
    expect(await namesFor('티셔')).toContain('남성 반팔 티셔츠 베이직');
    expect(await namesFor('tshirt')).toContain("Men's Cotton T-Shirt");
    expect(await namesFor('t-shirt')).toContain("Men's Cotton T-Shirt");
    expect(await namesFor('cotten')).toContain("Men's Cotton T-Shirt");
    expect(await namesFor('러닝')).toContain('경량 러닝화');
    expect(await namesFor('냉장고')).toEqual([]);

    const suggested = await shop.call(suggestions, { prefix: '반팔' });
    expect(suggested.data?.productSuggestions).toEqual(
      expect.arrayContaining([expect.stringMatching(/반팔/)]),
    );
  });

  it('pages through every match exactly once, in order, with detail fields joined from product', async () => {
    const first = await search({ sort: 'PRICE_ASC' }, 2);
    const total = first.data!.products.totalCount;
    const seen: { id: string; minPrice: number }[] = [...first.data!.products.nodes];
    let after = first.data!.products.endCursor;
    while (after) {
      const page = await shop.call(searchProducts, {
        search: { categoryId, sort: 'PRICE_ASC' },
        first: 2,
        after,
      });
      seen.push(...page.data!.products.nodes);
      after = page.data!.products.hasNextPage ? page.data!.products.endCursor : null;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((node) => node.id)).size).toBe(total);
    const prices = seen.map((node) => node.minPrice);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));

    const bad = await shop.call(searchProducts, { search: { categoryId }, after: 'not-a-cursor' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');

    const joined = await shop.call(listingWithDetails, { search: { categoryId } });
    expect(joined.errors).toBeUndefined();
    for (const node of joined.data!.products.nodes) {
      expect(node.status).toMatch(/ACTIVE|SOLD_OUT/);
      expect(node.skus.length).toBeGreaterThan(0);
    }
  });

  it('reserves exactly the stock there is for 200 concurrent orders, idempotently, and expires', async () => {
    const product = await newProduct('한정판 후드티', { initialStock: 10 });
    const skuId = product.skus[0]!.id;
    const product$ = shop.shop.runtime.internalClient('order', 'product');
    const reserve = (orderId: string) =>
      product$.post<{ status: string }>('/internal/reservations', {
        orderId,
        lines: [{ skuId, quantity: 1 }],
      });
    const orderIds = Array.from({ length: 200 }, () => randomUUID());
    const outcomes = await Promise.all(orderIds.map(reserve));
    const reserved = orderIds.filter((_, i) => outcomes[i]!.status === 'RESERVED');
    expect(reserved).toHaveLength(10);
    expect(outcomes.filter((o) => o.status === 'UNRESERVABLE')).toHaveLength(190);

    // The same order again: a no-op, not an eleventh unit.
    expect((await reserve(reserved[0]!)).status).toBe('RESERVED');
    const stock = await admin(adjustStock, {
      skuId,
      input: { kind: 'RECEIVED', quantity: 1, reference: `probe-${skuId}` },
    });
    expect(stock.data?.adjustStock).toMatchObject({ onHand: 11, reserved: 10, available: 1 });

    // Unpaid past the 10 s expiry: the sweeper gives every unit back.
    await waitFor(
      'expired reservations released',
      async () => {
        const result = await admin(adjustStock, {
          skuId,
          input: { kind: 'RECEIVED', quantity: 1, reference: `probe-${skuId}` },
        });
        return result.data?.adjustStock.reserved === 0 && result;
      },
      { timeoutMs: 20_000, intervalMs: 500 },
    );
  });

  it('rejects bad input with typed errors, and keeps admin operations and drafts from customers', async () => {
    const invalid = await admin(createProduct, {
      input: {
        name: ' ',
        basePrice: -1,
        optionGroups: [{ name: '색상', values: ['블랙', '블랙'] }],
      },
    });
    expect(invalid.data?.createProduct.__typename).toBe('InvalidInput');
    expect(invalid.data?.createProduct.issues.map((i: { field: string }) => i.field)).toEqual(
      expect.arrayContaining(['name', 'basePrice', 'optionGroups.0.values']),
    );

    const anonymous = await shop.call(createProduct, { input: { name: 'x', basePrice: 1 } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const draft = await newProduct('준비 중인 상품', { status: 'DRAFT' });
    expect((await shop.call(productDetail, { id: draft.id })).data?.product).toBeNull();
    expect((await admin(productDetail, { id: draft.id })).data?.product).toMatchObject({
      status: 'DRAFT',
    });

    // A retried create with the same idempotency key returns the first product.
    const key = `create-${randomUUID()}`;
    const once = await newProduct('재시도 상품', { idempotencyKey: key });
    const twice = await newProduct('재시도 상품', { idempotencyKey: key });
    expect(twice.id).toBe(once.id);
  });
});
