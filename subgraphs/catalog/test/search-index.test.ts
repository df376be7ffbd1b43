import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@opensearch-project/opensearch';
import type { ProductSnapshot } from '@shop/contracts';
import { probeInfra } from '@shop/testkit';
import {
  createSearchIndex,
  InvalidCursor,
  type ProductSearchPage,
  type ProductSearchQuery,
  type ProductSort,
  type SearchIndex,
} from '../src/search/index.js';
import { brands, catalogFixture, categories, isVisible } from './catalog-fixture.js';

const infra = await probeInfra(['opensearch']);
const opensearchUrl = process.env.SHOP_OPENSEARCH_URL ?? 'http://127.0.0.1:19200';
const run = Math.random().toString(36).slice(2, 8);
const alias = `test-catalog-${run}`;
const implementations = [
  { name: 'in memory', config: { kind: 'memory' as const }, skip: false },
  {
    name: 'on OpenSearch',
    config: { kind: 'opensearch' as const, node: opensearchUrl, alias },
    skip: !infra.ok,
  },
];

// What the fixture says, computed from the snapshots as a shopper would read them.
const onSale = (product: ProductSnapshot) => product.skus.filter((sku) => sku.enabled);
const fromPrice = (product: ProductSnapshot) =>
  Math.min(...onSale(product).map((sku) => sku.price));
const hasOption = (product: ProductSnapshot, group: string, value: string) =>
  onSale(product).some((sku) => sku.options[group] === value);
const inStock = (product: ProductSnapshot) =>
  product.status === 'ACTIVE' && onSale(product).some((sku) => sku.available > 0);
const inCategory = (product: ProductSnapshot, id: string) =>
  product.category?.path.some((level) => level.id === id) ?? false;

const idsOf = (products: { id: string }[]) => products.map((product) => product.id);
const namesOf = (page: ProductSearchPage) => page.nodes.map((node) => node.name);
const sorted = (ids: string[]) => [...ids].sort();

describe.each(implementations)('the search index $name', ({ config, skip }) => {
  if (skip) {
    it.skip(`needs OpenSearch: ${infra.reason}`, () => {});
    return;
  }
  let index: SearchIndex;
  const products = catalogFixture();
  const visible = products.filter(isVisible);
  const named = (name: string) => products.find((product) => product.name === name)!;
  const search = (query: Partial<ProductSearchQuery>) =>
    index.search({ sort: 'RELEVANCE', first: 100, ...query });

  beforeAll(async () => {
    index = createSearchIndex(config);
    await index.ensureReady();
    for (const product of products) expect(await index.apply(product)).toBe('applied');
  });

  afterAll(async () => {
    await index?.close();
    if (config.kind === 'opensearch') {
      const client = new Client({ node: opensearchUrl });
      await client.indices.delete({ index: `${alias}-*` });
      await client.close();
    }
  });

  describe('text', () => {
    it('ranks the product named by every word first, and never lists hidden or draft ones', async () => {
      const page = await search({ text: '반팔 티셔츠' });
      expect(namesOf(page)[0]).toBe('남성 반팔 티셔츠');
      expect(namesOf(page)).not.toContain('비공개 반팔 티셔츠');
      expect(namesOf(page)).not.toContain('출시 예정 반팔 티셔츠');
      // Written without the space, it is the same product.
      expect(namesOf(await search({ text: '반팔티셔츠' }))[0]).toBe('남성 반팔 티셔츠');
    });

    it.each(['티셔', '티셔쯔'])(
      'finds T-shirts from a partial or misspelt word (%s), named ones first',
      async (text) => {
        const tShirts = visible.filter((product) => product.name.includes('티셔츠'));
        const page = await search({ text });
        expect(sorted(idsOf(page.nodes.slice(0, tShirts.length)))).toEqual(sorted(idsOf(tShirts)));
        for (const node of page.nodes) expect(node.categoryIds).toContain(categories.tees.id);
      },
    );

    it('reads English names with or without the hyphen, and past a typo', async () => {
      for (const text of ['tshirt', 't-shirt', 'T-Shirt'])
        expect(namesOf(await search({ text }))[0]).toBe("Men's Cotton T-Shirt");
      const cotton = await search({ text: 'cotten' });
      expect(namesOf(cotton).slice(0, 2).sort()).toEqual(['Cotton Shorts', "Men's Cotton T-Shirt"]);
    });

    it('matches category names, ranking products that carry the word in their name first', async () => {
      const namedSneakers = visible.filter((product) => product.name.includes('운동화'));
      const page = await search({ text: '운동화' });
      expect(sorted(idsOf(page.nodes.slice(0, namedSneakers.length)))).toEqual(
        sorted(idsOf(namedSneakers)),
      );
      const shoes = await search({ text: '신발' });
      expect(sorted(idsOf(shoes.nodes))).toEqual(
        sorted(idsOf(visible.filter((product) => inCategory(product, categories.shoes.id)))),
      );
    });

    it('finds products by an option value and a category named in the text', async () => {
      const page = await search({ text: '블랙 티셔츠' });
      const expected = visible.filter(
        (product) => inCategory(product, categories.tees.id) && hasOption(product, '색상', '블랙'),
      );
      expect(sorted(idsOf(page.nodes))).toEqual(sorted(idsOf(expected)));
    });

    it('finds nothing for words no product has', async () => {
      const page = await search({ text: '노트북 거치대' });
      expect(page).toMatchObject({ nodes: [], totalCount: 0, endCursor: null, hasNextPage: false });
    });
  });

  describe('filters and facets', () => {
    it('filters by category, a parent including its children', async () => {
      const page = await search({ categoryId: categories.tops.id });
      const expected = visible.filter((product) => inCategory(product, categories.tops.id));
      expect(sorted(idsOf(page.nodes))).toEqual(sorted(idsOf(expected)));
      expect(page.totalCount).toBe(expected.length);
    });

    it('filters by any of the brands', async () => {
      const chosen: string[] = [brands.basicLab.id, brands.dailyFit.id];
      const page = await search({ brandIds: chosen });
      const expected = visible.filter((product) => chosen.includes(product.brand?.id ?? ''));
      expect(sorted(idsOf(page.nodes))).toEqual(sorted(idsOf(expected)));
    });

    it('filters options: any value within a group, every group, SKUs on sale only', async () => {
      const navyOrKhaki = await search({ options: [{ name: '색상', values: ['네이비', '카키'] }] });
      expect(namesOf(navyOrKhaki).sort()).toEqual(
        ['남성 긴팔 티셔츠', '스트라이프 티셔츠', '남성 면 반바지', '카고 반바지'].sort(),
      );
      const blackInLarge = await search({
        options: [
          { name: '색상', values: ['블랙'] },
          { name: '사이즈', values: ['L'] },
        ],
      });
      const expected = visible.filter(
        (product) => hasOption(product, '색상', '블랙') && hasOption(product, '사이즈', 'L'),
      );
      expect(expected.length).toBeGreaterThan(1);
      expect(sorted(idsOf(blackInLarge.nodes))).toEqual(sorted(idsOf(expected)));
      // 레드 is only on a SKU taken off sale.
      expect((await search({ options: [{ name: '색상', values: ['레드'] }] })).totalCount).toBe(0);
    });

    it('filters on the "from" price, bounds included, and on stock', async () => {
      const page = await search({ minPrice: 21_000, maxPrice: 29_000 });
      const expected = visible.filter(
        (product) => fromPrice(product) >= 21_000 && fromPrice(product) <= 29_000,
      );
      expect(namesOf(page)).toContain('스트라이프 티셔츠'); // 21,000: the lower bound
      expect(sorted(idsOf(page.nodes))).toEqual(sorted(idsOf(expected)));
      const available = await search({ inStockOnly: true });
      expect(sorted(idsOf(available.nodes))).toEqual(sorted(idsOf(visible.filter(inStock))));
      expect(namesOf(available)).not.toContain('하이탑 스니커즈'); // SOLD_OUT
      expect(namesOf(available)).toContain('린넨 반바지'); // one SKU left is enough
    });

    it('counts every facet over the visible products of a listing', async () => {
      const { facets } = await search({ sort: 'POPULARITY' });
      for (const level of Object.values(categories))
        expect(facets.categories).toContainEqual({
          value: level.id,
          label: level.name,
          count: visible.filter((product) => inCategory(product, level.id)).length,
        });
      expect(facets.price).toEqual({
        min: Math.min(...visible.map(fromPrice)),
        max: Math.max(...visible.map(fromPrice)),
      });
      expect(facets.inStock).toBe(visible.filter(inStock).length);
      const colours = facets.options.find((group) => group.name === '색상')!;
      expect(colours.values.map((value) => value.value)).not.toContain('레드');
      expect(colours.values.find((value) => value.value === '블랙')?.count).toBe(
        visible.filter((product) => hasOption(product, '색상', '블랙')).length,
      );
    });

    it('counts each facet group with every filter but its own', async () => {
      const page = await search({
        categoryId: categories.tops.id,
        brandIds: [brands.basicLab.id],
        options: [{ name: '색상', values: ['블랙'] }],
      });
      expect(namesOf(page).sort()).toEqual(['남성 긴팔 티셔츠', '남성 반팔 티셔츠']);
      // Black tops by any brand: the brands not chosen still show what choosing them adds.
      expect(page.facets.brands).toEqual([
        { value: brands.basicLab.id, label: '베이직랩', count: 2 },
        { value: brands.northLine.id, label: '노스라인', count: 1 },
        { value: brands.urbanStep.id, label: '어반스텝', count: 1 },
      ]);
      // Basic Lab's tops in any colour; sizes under every filter.
      expect(page.facets.options).toContainEqual({
        name: '색상',
        values: [
          { value: '블랙', label: '블랙', count: 2 },
          { value: '네이비', label: '네이비', count: 1 },
          { value: '화이트', label: '화이트', count: 1 },
        ],
      });
      expect(page.facets.options).toContainEqual({
        name: '사이즈',
        values: [
          { value: 'L', label: 'L', count: 2 },
          { value: 'M', label: 'M', count: 2 },
        ],
      });
      // Basic Lab's black products in any category.
      expect(page.facets.categories).toEqual([
        { value: categories.tops.id, label: '상의', count: 2 },
        { value: categories.tees.id, label: '티셔츠', count: 2 },
      ]);
      expect(page.facets.price).toEqual({ min: 19_000, max: 25_000 });
      expect(page.facets.inStock).toBe(2);
    });
  });

  describe('sorting and paging', () => {
    const orders: Record<
      Exclude<ProductSort, 'RELEVANCE'>,
      (product: ProductSnapshot) => number
    > = {
      PRICE_ASC: (product) => fromPrice(product),
      PRICE_DESC: (product) => -fromPrice(product),
      NEWEST: (product) => -Date.parse(product.createdAt),
      POPULARITY: (product) => -product.soldCount,
    };
    const expectedOrder = (sort: ProductSort) => {
      const keyOf = orders[sort === 'RELEVANCE' ? 'POPULARITY' : sort];
      return idsOf([...visible].sort((a, b) => keyOf(a) - keyOf(b) || (a.id < b.id ? -1 : 1)));
    };

    async function everyPage(query: Partial<ProductSearchQuery>, first: number) {
      const ids: string[] = [];
      let after: string | undefined;
      for (;;) {
        const page = await search({ ...query, first, after });
        ids.push(...idsOf(page.nodes));
        if (!page.hasNextPage) return ids;
        after = page.endCursor!;
      }
    }

    it.each(['PRICE_ASC', 'PRICE_DESC', 'NEWEST', 'POPULARITY', 'RELEVANCE'] as const)(
      'pages through every visible product once, in %s order (ties broken by id)',
      async (sort) => {
        expect(await everyPage({ sort }, 4)).toEqual(expectedOrder(sort));
      },
    );

    it('pages a text search in the order of its single page', async () => {
      const whole = await search({ text: '셔츠' });
      expect(whole.totalCount).toBeGreaterThan(3);
      expect(await everyPage({ text: '셔츠' }, 2)).toEqual(idsOf(whole.nodes));
    });

    it('reports the total and the end on every page', async () => {
      const first = await search({ sort: 'PRICE_ASC', first: 10 });
      expect(first).toMatchObject({ totalCount: visible.length, hasNextPage: true });
      const last = await search({
        sort: 'PRICE_ASC',
        first: 100,
        after: first.endCursor!,
      });
      expect(last).toMatchObject({ totalCount: visible.length, hasNextPage: false });
      expect(last.nodes).toHaveLength(visible.length - 10);
    });

    it.each([
      ['not base64 JSON', 'garbage'],
      ['an object', Buffer.from('{"after":1}').toString('base64url')],
      ['the wrong types', Buffer.from('["a","b"]').toString('base64url')],
      ['too short', Buffer.from('[1]').toString('base64url')],
    ])('refuses a cursor that is %s', async (_, after) => {
      await expect(search({ sort: 'PRICE_ASC', after })).rejects.toBeInstanceOf(InvalidCursor);
    });
  });

  describe('autocomplete', () => {
    it('completes names from the first letters of their words', async () => {
      const shortSleeves = await index.autocomplete('반팔', 10);
      expect(shortSleeves.sort()).toEqual(['남성 반팔 티셔츠', '여성 반팔 블라우스']);
      expect((await index.autocomplete('t-sh', 5))[0]).toBe("Men's Cotton T-Shirt");
      expect((await index.autocomplete('러닝', 5)).sort()).toEqual([
        '경량 러닝화',
        '트레일 러닝화',
      ]);
    });

    it('lists a name once, and at most as many as asked', async () => {
      expect(await index.autocomplete('캔버스', 5)).toEqual(['캔버스 운동화']);
      expect(await index.autocomplete('셔', 2)).toHaveLength(2);
    });
  });

  describe('changes', () => {
    it('keeps the highest revision: older and repeated snapshots change nothing, and say which they were', async () => {
      const jeans = named('Denim Jeans');
      const renamed = { ...jeans, name: 'Selvedge Denim Jeans', revision: 3 };
      expect(await index.apply(renamed)).toBe('applied');
      expect(await index.apply({ ...jeans, name: 'Vintage Jeans', revision: 2 })).toBe('stale');
      expect(await index.apply({ ...jeans, name: 'Tapered Jeans', revision: 3 })).toBe(
        'redelivered',
      );
      expect(namesOf(await search({ text: 'selvedge' }))).toEqual(['Selvedge Denim Jeans']);
      expect((await search({ text: 'vintage' })).totalCount).toBe(0);
      expect((await search({ text: 'tapered' })).totalCount).toBe(0);
    });

    it('drops a hidden product from results, facet counts and the count', async () => {
      const shirt = named('데님 셔츠');
      const before = await search({ sort: 'POPULARITY' });
      const brandCount = (page: ProductSearchPage) =>
        page.facets.brands.find((brand) => brand.value === brands.urbanStep.id)?.count;
      expect(await index.apply({ ...shirt, status: 'HIDDEN', revision: 2 })).toBe('applied');
      const after = await search({ sort: 'POPULARITY' });
      expect(idsOf(after.nodes)).not.toContain(shirt.id);
      expect(after.totalCount).toBe(before.totalCount - 1);
      expect(brandCount(after)).toBe(brandCount(before)! - 1);
      expect(await index.count()).toBe(visible.length - 1);
      expect(namesOf(await search({ text: '데님 셔츠' }))).not.toContain('데님 셔츠');
      await index.apply({ ...shirt, revision: 3 });
      expect(await index.count()).toBe(visible.length);
    });

    it('tells a sale, which moves only the sold count, from a change a listing shows', async () => {
      const shorts = named('Cotton Shorts');
      const sold = { ...shorts, soldCount: shorts.soldCount + 1, revision: 2 };
      expect(await index.apply(sold)).toBe('sales-only');
      const repriced = {
        ...sold,
        revision: 3,
        skus: sold.skus.map((sku) => ({ ...sku, price: sku.price + 1_000 })),
      };
      expect(await index.apply(repriced)).toBe('applied');
      expect(await index.apply({ ...repriced, soldCount: sold.soldCount + 1 })).toBe('redelivered');
      expect(await index.apply({ ...repriced, status: 'HIDDEN', revision: 4 })).toBe('applied');
      expect(await index.apply({ ...repriced, revision: 5 })).toBe('applied');
    });

    it('drops a product whose last units sold from in-stock listings only', async () => {
      const shorts = named('카고 반바지');
      const soldOut = {
        ...shorts,
        revision: 2,
        skus: shorts.skus.map((sku) => ({ ...sku, available: 0 })),
      };
      expect(await index.apply(soldOut)).toBe('applied');
      expect(idsOf((await search({ inStockOnly: true })).nodes)).not.toContain(shorts.id);
      expect(idsOf((await search({})).nodes)).toContain(shorts.id);
      await index.apply({ ...shorts, revision: 3 });
      expect(idsOf((await search({ inStockOnly: true })).nodes)).toContain(shorts.id);
    });
  });

  describe('rebuild', () => {
    async function physicalIndexes(): Promise<string[]> {
      const client = new Client({ node: opensearchUrl });
      try {
        return Object.keys((await client.indices.get({ index: `${alias}-*` })).body);
      } finally {
        await client.close();
      }
    }

    it('serves searches while it runs and keeps the changes made meanwhile', async () => {
      const before = config.kind === 'opensearch' ? await physicalIndexes() : [];
      const runner = named('경량 러닝화');
      const rebuild = await index.beginRebuild();
      const half = Math.floor(products.length / 2);
      expect(products.indexOf(runner)).toBeGreaterThanOrEqual(half);
      const [, during] = await Promise.all([
        rebuild.write(products.slice(0, half)),
        search({ text: '러닝화' }),
      ]);
      expect(namesOf(during)).toContain('경량 러닝화');
      // Changed after the rebuild began, before its page is written: the page is older and loses.
      expect(await index.apply({ ...runner, name: '초경량 러닝화', revision: 5 })).toBe('applied');
      await rebuild.write(products.slice(half));
      expect(await index.count()).toBe(visible.length);
      await rebuild.complete();
      expect(await index.count()).toBe(visible.length);
      expect(namesOf(await search({ text: '초경량 러닝화' }))[0]).toBe('초경량 러닝화');
      if (config.kind === 'opensearch') {
        const after = await physicalIndexes();
        expect(after).toHaveLength(1);
        expect(before).not.toContain(after[0]);
      }
    });

    it('leaves the live index alone when aborted', async () => {
      const rebuild = await index.beginRebuild();
      await rebuild.write(products.slice(0, 3));
      await rebuild.abort();
      expect(await index.count()).toBe(visible.length);
      if (config.kind === 'opensearch') expect(await physicalIndexes()).toHaveLength(1);
    });

    it('holds exactly the rebuilt products once complete', async () => {
      const kept = products.slice(0, 10);
      const rebuild = await index.beginRebuild();
      await rebuild.write(kept);
      await rebuild.complete();
      expect(await index.count()).toBe(kept.filter(isVisible).length);
      const page = await search({ sort: 'NEWEST' });
      expect(sorted(idsOf(page.nodes))).toEqual(sorted(idsOf(kept.filter(isVisible))));
    });
  });
});

describe.skipIf(!infra.ok)('the OpenSearch index at start', () => {
  const startAlias = `test-catalog-start-${run}`;
  const client = new Client({ node: opensearchUrl });

  afterAll(async () => {
    await client.indices.delete({ index: `${startAlias}-*` });
    await client.close();
  });

  const aliasTargets = async () =>
    Object.keys((await client.indices.getAlias({ name: startAlias })).body);

  it('replaces an index of an older schema with an empty one, and keeps a current one', async () => {
    const outdated = `${startAlias}-outdated`;
    await client.indices.create({
      index: outdated,
      body: { mappings: { properties: { name: { type: 'text' } } } },
    });
    await client.index({ index: outdated, body: { name: '옛 문서' }, refresh: true });
    await client.indices.putAlias({ index: outdated, name: startAlias });

    const index = createSearchIndex({ kind: 'opensearch', node: opensearchUrl, alias: startAlias });
    try {
      await index.ensureReady();
      const [current] = await aliasTargets();
      expect(current).not.toBe(outdated);
      expect((await client.indices.exists({ index: outdated })).body).toBe(false);
      expect(await index.count()).toBe(0);
      await index.ensureReady();
      expect(await aliasTargets()).toEqual([current]);
    } finally {
      await index.close();
    }
  });
});
