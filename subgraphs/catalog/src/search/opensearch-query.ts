import { keySeparator, facetKey } from './catalog-document.js';
import type { ProductSearchQuery, ProductSort } from './search-index.js';

// The request bodies are plain JSON for the engine; their shapes are the engine's documentation.
type Clause = Record<string, unknown>;

/** One named filter per facet group, so each group's counts can leave its own filter out. */
export function filtersOf(query: ProductSearchQuery): Map<string, Clause> {
  const filters = new Map<string, Clause>();
  if (query.categoryId) filters.set('category', { term: { categoryIds: query.categoryId } });
  if (query.brandIds?.length) filters.set('brand', { terms: { brandId: query.brandIds } });
  if (query.minPrice !== undefined || query.maxPrice !== undefined)
    filters.set('price', { range: { minPrice: { gte: query.minPrice, lte: query.maxPrice } } });
  if (query.inStockOnly) filters.set('inStock', { term: { inStock: true } });
  for (const group of query.options ?? [])
    filters.set(`option:${group.name}`, {
      terms: { optionValues: group.values.map((value) => facetKey(group.name, value)) },
    });
  return filters;
}

export function textQuery(text: string | undefined): Clause {
  const visible = { term: { visible: true } };
  if (!text) return { bool: { filter: [visible] } };
  return {
    bool: {
      filter: [visible],
      must: [
        {
          bool: {
            minimum_should_match: 1,
            should: [
              {
                multi_match: {
                  query: text,
                  fields: [
                    'name^3',
                    'name.compact^3',
                    'brandName^2',
                    'categoryName^2',
                    'description',
                  ],
                  type: 'cross_fields',
                  operator: 'and',
                  boost: 3,
                },
              },
              { match: { name: { query: text, fuzziness: 'AUTO', operator: 'and', boost: 1.5 } } },
              { match: { 'name.grams': { query: text, minimum_should_match: '60%' } } },
            ],
          },
        },
      ],
    },
  };
}

export function sortOf(sort: ProductSort, hasText: boolean): Clause[] {
  const tiebreak = { id: 'asc' };
  switch (hasText || sort !== 'RELEVANCE' ? sort : 'POPULARITY') {
    case 'RELEVANCE':
      return [{ _score: 'desc' }, tiebreak];
    case 'PRICE_ASC':
      return [{ minPrice: 'asc' }, tiebreak];
    case 'PRICE_DESC':
      return [{ minPrice: 'desc' }, tiebreak];
    case 'NEWEST':
      return [{ createdAt: 'desc' }, tiebreak];
    case 'POPULARITY':
      return [{ soldCount: 'desc' }, tiebreak];
  }
}

const all = (filters: Map<string, Clause>, except?: string) => ({
  bool: { filter: [...filters].filter(([name]) => name !== except).map(([, clause]) => clause) },
});

const escapeRegex = (text: string) => text.replace(/[.?+*|{}[\]()"\\#@&<>~]/g, '\\$&');

/** Disjunctive facet aggregations: each group filtered by every filter but its own. */
export function facetAggregations(query: ProductSearchQuery, filters: Map<string, Clause>) {
  const aggregations: Record<string, Clause> = {
    categories: {
      filter: all(filters, 'category'),
      aggs: { values: { terms: { field: 'categoryKeys', size: 100 } } },
    },
    brands: {
      filter: all(filters, 'brand'),
      aggs: { values: { terms: { field: 'brandKey', size: 100 } } },
    },
    options: {
      filter: all(filters),
      aggs: { values: { terms: { field: 'optionValues', size: 500 } } },
    },
    price: {
      filter: all(filters, 'price'),
      aggs: { min: { min: { field: 'minPrice' } }, max: { max: { field: 'minPrice' } } },
    },
    in_stock: {
      filter: { bool: { filter: [all(filters, 'inStock'), { term: { inStock: true } }] } },
    },
  };
  (query.options ?? []).forEach((group, i) => {
    aggregations[`option_${i}`] = {
      filter: all(filters, `option:${group.name}`),
      aggs: {
        values: {
          terms: {
            field: 'optionValues',
            size: 100,
            include: `${escapeRegex(group.name)}${keySeparator}.*`,
          },
        },
      },
    };
  });
  return aggregations;
}
