import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@opensearch-project/opensearch';
import type { ProductSnapshot } from '@shop/contracts';
import { probeInfra } from '@shop/testkit';
import { createSearchIndex, InvalidCursor, type SearchIndex } from '../src/search/index.js';

const infra = await probeInfra(['opensearch']);
const opensearchUrl = process.env.SHOP_OPENSEARCH_URL ?? 'http://127.0.0.1:19200';
const alias = `test-search-${Math.random().toString(36).slice(2, 8)}`;
const kinds = [
  { name: 'in memory', config: { kind: 'memory' as const }, skip: false },
  {
    name: 'OpenSearch',
    config: { kind: 'opensearch' as const, node: opensearchUrl, alias },
    skip: !infra.ok,
  },
];

const tops = { id: randomUUID(), name: '상의' };
const tees = { id: randomUUID(), name: '티셔츠' };
const shoes = { id: randomUUID(), name: '신발' };
const brandA = { id: randomUUID(), name: '에이' };
const brandB = { id: randomUUID(), name: '비' };

function snapshot(overrides: Partial<ProductSnapshot> & { name: string }): ProductSnapshot {
  return {
    id: randomUUID(),
    revision: 1,
    description: '',
    status: 'ACTIVE',
    brand: brandA,
    category: { ...tees, path: [tops, tees] },
    images: [],
    optionGroups: [{ name: '색상', values: ['블랙', '화이트'] }],
    skus: [
      {
        id: randomUUID(),
        code: 'A',
        price: 10_000,
        available: 3,
        enabled: true,
        options: { 색상: '블랙' },
      },
      {
        id: randomUUID(),
        code: 'B',
        price: 12_000,
        available: 0,
        enabled: true,
        options: { 색상: '화이트' },
      },
    ],
    soldCount: 0,
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
    ...overrides,
  };
}

describe.each(kinds)('the search index ($name)', ({ config, skip }) => {
  if (skip) {
    it.skip(`needs OpenSearch: ${infra.reason}`, () => {});
    return;
  }
  let index: SearchIndex;
  const black = snapshot({ name: '남성 반팔 티셔츠', soldCount: 5 });
  const white = snapshot({
    name: '여성 반팔 티셔츠',
    brand: brandB,
    soldCount: 9,
    skus: [
      {
        id: randomUUID(),
        code: 'C',
        price: 8_000,
        available: 1,
        enabled: true,
        options: { 색상: '화이트' },
      },
    ],
  });
  const sneakers = snapshot({
    name: '경량 러닝화',
    category: { ...shoes, path: [shoes] },
    optionGroups: [{ name: '사이즈', values: ['260'] }],
    skus: [
      {
        id: randomUUID(),
        code: 'D',
        price: 59_000,
        available: 0,
        enabled: true,
        options: { 사이즈: '260' },
      },
    ],
  });
  const hidden = snapshot({ name: '숨긴 반팔 티셔츠', status: 'HIDDEN' });

  beforeAll(async () => {
    index = createSearchIndex(config);
    await index.ensureReady();
    for (const product of [black, white, sneakers, hidden]) await index.apply(product);
  });

  afterAll(async () => {
    await index.close();
    if (config.kind === 'opensearch') {
      const client = new Client({ node: opensearchUrl });
      await client.indices.delete({ index: `${alias}-*` });
      await client.close();
    }
  });

  it('keeps the highest revision: older and repeated snapshots change nothing', async () => {
    const product = snapshot({ name: '버전 테스트 머그컵', revision: 3 });
    expect(await index.apply(product)).toBe('applied');
    expect(await index.apply({ ...product, name: '옛 이름', revision: 2 })).toBe('stale');
    expect(await index.apply({ ...product, name: '같은 버전', revision: 3 })).toBe('stale');
    const page = await index.search({ text: '머그컵', sort: 'RELEVANCE', first: 5 });
    expect(page.nodes.map((node) => node.name)).toEqual(['버전 테스트 머그컵']);
    expect(await index.apply({ ...product, status: 'HIDDEN', revision: 4 })).toBe('applied');
    expect((await index.search({ text: '머그컵', sort: 'RELEVANCE', first: 5 })).totalCount).toBe(
      0,
    );
  });

  it('never shows hidden products, in results or in facet counts', async () => {
    const page = await index.search({ text: '반팔', sort: 'RELEVANCE', first: 10 });
    expect(page.nodes.map((node) => node.id).sort()).toEqual([black.id, white.id].sort());
    expect(page.facets.brands.reduce((sum, brand) => sum + brand.count, 0)).toBe(2);
  });

  it('counts each facet group without its own filter', async () => {
    const page = await index.search({
      categoryId: tops.id,
      brandIds: [brandA.id],
      options: [{ name: '색상', values: ['화이트'] }],
      sort: 'POPULARITY',
      first: 10,
    });
    expect(page.nodes.map((node) => node.id)).toEqual([black.id]);
    // Brand B still counts (brand filter left out), restricted by the colour filter.
    expect(page.facets.brands).toEqual(
      expect.arrayContaining([
        { value: brandA.id, label: '에이', count: 1 },
        { value: brandB.id, label: '비', count: 1 },
      ]),
    );
    // Colours count with the brand filter but without the colour filter.
    expect(page.facets.options).toContainEqual({
      name: '색상',
      values: expect.arrayContaining([
        { value: '블랙', label: '블랙', count: 1 },
        { value: '화이트', label: '화이트', count: 1 },
      ]),
    });
    expect(page.facets.categories).toContainEqual({ value: tops.id, label: '상의', count: 1 });
  });

  it('filters by price from, stock and parent category, and sorts with a stable tiebreak', async () => {
    const cheap = await index.search({ maxPrice: 9_000, sort: 'PRICE_ASC', first: 10 });
    expect(cheap.nodes.map((node) => node.id)).toEqual([white.id]);
    const inStock = await index.search({ inStockOnly: true, sort: 'PRICE_DESC', first: 10 });
    expect(inStock.nodes.map((node) => node.id)).toEqual([black.id, white.id]);
    expect(inStock.facets.inStock).toBe(2);
    const popular = await index.search({ categoryId: tops.id, sort: 'RELEVANCE', first: 10 });
    expect(popular.nodes.map((node) => node.id)).toEqual([white.id, black.id]);
  });

  it('pages with opaque cursors and refuses forged ones', async () => {
    const first = await index.search({ sort: 'PRICE_ASC', first: 2 });
    expect(first.hasNextPage).toBe(true);
    const second = await index.search({ sort: 'PRICE_ASC', first: 2, after: first.endCursor! });
    const ids = [...first.nodes, ...second.nodes].map((node) => node.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining([black.id, white.id, sneakers.id]));
    await expect(
      index.search({ sort: 'PRICE_ASC', first: 2, after: 'garbage' }),
    ).rejects.toBeInstanceOf(InvalidCursor);
  });

  it('completes names from their first letters', async () => {
    expect(await index.autocomplete('러닝', 5)).toEqual(['경량 러닝화']);
    expect(await index.autocomplete('반팔', 5)).toEqual(
      expect.arrayContaining(['남성 반팔 티셔츠', '여성 반팔 티셔츠']),
    );
  });

  it('rebuilds behind the alias, keeping changes made meanwhile', async () => {
    const rebuild = await index.beginRebuild();
    await rebuild.write([black, white]);
    // Searches still read the old index; a change arriving now reaches both.
    expect((await index.search({ text: '러닝화', sort: 'RELEVANCE', first: 5 })).totalCount).toBe(
      1,
    );
    const renamed = { ...white, name: '여성 오버핏 반팔 티셔츠', revision: 2 };
    expect(await index.apply(renamed)).toBe('applied');
    await rebuild.write([white]); // the page read before the change: older, skipped
    await rebuild.complete();
    expect(await index.count()).toBe(2);
    const page = await index.search({ text: '오버핏', sort: 'RELEVANCE', first: 5 });
    expect(page.nodes.map((node) => node.name)).toEqual(['여성 오버핏 반팔 티셔츠']);
    if (config.kind === 'opensearch') {
      const client = new Client({ node: opensearchUrl });
      const indexes = await client.indices.get({ index: `${alias}-*` });
      await client.close();
      expect(Object.keys(indexes.body)).toHaveLength(1);
    }
  });
});
