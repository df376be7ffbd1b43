import { describe, expect, it } from 'vitest';
import {
  generateDemoCatalog,
  parsePlaceholderPath,
  placeholderImageUrl,
  placeholderSvg,
  placeholderViews,
} from '../src/demo/index.js';
import { vocabulary } from '../src/demo/vocabulary.js';

describe('the demo catalogue', () => {
  const catalog = generateDemoCatalog();

  it('is the same on every run', () => {
    expect(generateDemoCatalog()).toEqual(catalog);
  });

  it('has 2,000 products and 10,000 SKUs, one per combination of each product’s options', () => {
    expect(catalog.products).toHaveLength(2000);
    expect(catalog.products.reduce((sum, product) => sum + product.skus.length, 0)).toBe(10_000);
    for (const product of catalog.products) {
      const expected = product.optionGroups.reduce(
        (count, group) => count * group.values.length,
        1,
      );
      const combinations = new Set(product.skus.map((sku) => JSON.stringify(sku.options)));
      expect(combinations.size, product.key).toBe(expected);
      for (const sku of product.skus)
        expect(Object.keys(sku.options)).toEqual(product.optionGroups.map((group) => group.name));
    }
  });

  it('prices in whole hundreds of won, names every product uniquely, and references what exists', () => {
    const leaves = new Set(catalog.categories.filter((c) => c.parentKey).map((c) => c.key));
    const brands = new Set(catalog.brands.map((brand) => brand.key));
    expect(new Set(catalog.products.map((product) => product.name)).size).toBe(2000);
    expect(new Set(catalog.products.map((product) => product.key)).size).toBe(2000);
    for (const product of catalog.products) {
      expect(leaves.has(product.categoryKey)).toBe(true);
      expect(brands.has(product.brandKey)).toBe(true);
      for (const sku of product.skus) {
        expect(Number.isInteger(sku.price / 100) && sku.price > 0).toBe(true);
        expect(Number.isInteger(sku.stock) && sku.stock >= 0).toBe(true);
      }
    }
  });

  it('has sold-out SKUs and products that are not on sale, for the filters to act on', () => {
    const skus = catalog.products.flatMap((product) => product.skus);
    expect(skus.filter((sku) => sku.stock === 0).length).toBeGreaterThan(500);
    expect(skus.filter((sku) => sku.stock > 0).length).toBeGreaterThan(5000);
    const statuses = new Set(catalog.products.map((product) => product.status));
    expect(statuses).toEqual(new Set(['ACTIVE', 'DRAFT', 'HIDDEN', 'SOLD_OUT']));
    expect(catalog.products.map((product) => product.name)).toContain('남성 반팔 티셔츠');
  });

  it('sells every product under a brand that makes its category, with 2 to 4 pictures', () => {
    const brandName = new Map(catalog.brands.map((brand) => [brand.key, brand.name]));
    const brandsOf = new Map(vocabulary.map((category) => [category.key, category.brands]));
    for (const product of catalog.products) {
      expect(brandsOf.get(product.categoryKey), product.key).toContain(
        brandName.get(product.brandKey),
      );
      expect(product.images.length, product.key).toBeGreaterThanOrEqual(2);
      expect(product.images.length, product.key).toBeLessThanOrEqual(4);
      expect(new Set(product.images).size, product.key).toBe(product.images.length);
    }
    // The mix the issue saw: a laptop from a denim brand.
    const laptops = catalog.products.filter((product) => product.categoryKey === 'computers');
    expect(laptops.map((product) => brandName.get(product.brandKey))).not.toContain('Seoul Denim');
  });

  it('draws each of a product’s pictures as a different view', () => {
    const views = placeholderViews.map((_, index) => placeholderSvg('노트북', 7, index + 1));
    expect(new Set(views).size).toBe(placeholderViews.length);
    for (const [index, view] of placeholderViews.entries())
      expect(views[index]).toContain(view.name);
  });

  it('names placeholder pictures by URL and draws them with the label escaped', () => {
    const url = placeholderImageUrl('p0042', 2);
    expect(parsePlaceholderPath(url)).toEqual({ productKey: 'p0042', index: 2 });
    expect(parsePlaceholderPath('/media/placeholders/../../etc/passwd')).toBeNull();
    const svg = placeholderSvg('<a href="x">&', 42);
    expect(svg).not.toContain('<a href');
    expect(svg).toContain('&#60;a href=&#34;x&#34;&#62;&#38;');
  });

  it('makes a smaller catalogue of the same shape on request', () => {
    const small = generateDemoCatalog({ products: 50 });
    expect(small.products).toHaveLength(50);
    expect(small.products.reduce((sum, product) => sum + product.skus.length, 0)).toBe(250);
  });
});
