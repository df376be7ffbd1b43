import { keySeparator } from './catalog-document.js';
import {
  facetValueLimit,
  optionFilter,
  optionGroupsOf,
  optionKeysOf,
  type FacetFilter,
} from './facets.js';
import type { ProductSearchQuery, ProductSort } from './search-index.js';

// The request bodies are plain JSON for the engine; their shapes are the engine's documentation.
type Clause = Record<string, unknown>;

/**
 * Typos forgiven per word: none up to two characters, one from three, two from seven (a Hangul
 * syllable counts as one character). The in-memory index uses the same budget.
 */
const fuzziness = 'AUTO:3,7';

/** One filter per facet group, so each group's counts can leave its own filter out. */
export function filtersOf(query: ProductSearchQuery): Map<FacetFilter, Clause> {
  const filters = new Map<FacetFilter, Clause>();
  if (query.categoryId) filters.set('category', { term: { categoryIds: query.categoryId } });
  if (query.brandIds?.length) filters.set('brand', { terms: { brandId: query.brandIds } });
  if (query.minPrice !== undefined || query.maxPrice !== undefined)
    filters.set('price', { range: { minPrice: { gte: query.minPrice, lte: query.maxPrice } } });
  if (query.inStockOnly) filters.set('inStock', { term: { inStock: true } });
  for (const group of optionGroupsOf(query))
    filters.set(optionFilter(group.name), { terms: { optionValues: optionKeysOf(group) } });
  return filters;
}

export const visibleOnly = { term: { visible: true } };

/**
 * Visible products matching the text, if any. A product matches when every word is found in its
 * text (name, brand, categories, option values, description: whole words, as nori reads them), or every word starts a word of its name, or most of
 * each word's character n-grams are in its name (partial words, spacing), or every word is in its
 * name give or take a typo. Products matching more ways score higher, so exact words rank
 * before partial ones and those before typos.
 */
export function textQuery(text: string | undefined): Clause {
  if (!text) return { bool: { filter: [visibleOnly] } };
  return {
    bool: {
      filter: [visibleOnly],
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
                    'categoryNames^2',
                    'optionValues.text',
                    'description',
                  ],
                  type: 'cross_fields',
                  operator: 'and',
                  boost: 3,
                },
              },
              { match: { 'name.prefixes': { query: text, operator: 'and', boost: 2 } } },
              ...partialWords(text),
              { match: { 'name.words': { query: text, fuzziness, operator: 'and' } } },
            ],
          },
        },
      ],
    },
  };
}

/**
 * Each word of the text found in the name by most (60%) of its character n-grams: a partial word
 * or a word spaced differently, never a word left out. One-letter words have no n-grams and are
 * left to the other clauses; so is a text of only such words.
 */
function partialWords(text: string): Clause[] {
  const words = text.split(/\s+/).filter((word) => word.replace(/[^\p{L}\p{N}]/gu, '').length >= 2);
  if (words.length === 0) return [];
  const match = (word: string) => ({
    match: { 'name.grams': { query: word, minimum_should_match: '60%' } },
  });
  return [{ bool: { must: words.map(match) } }];
}

/** Names whose words start with every word typed (the last one usually unfinished). */
export function completionQuery(prefix: string): Clause {
  return {
    bool: {
      filter: [visibleOnly],
      must: [{ match: { 'name.prefixes': { query: prefix, operator: 'and' } } }],
    },
  };
}

/** RELEVANCE without text ranks by popularity; the product id breaks every tie. */
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

const allBut = (filters: Map<FacetFilter, Clause>, except?: FacetFilter) => ({
  bool: { filter: [...filters].filter(([name]) => name !== except).map(([, clause]) => clause) },
});

const escapeRegex = (text: string) => text.replace(/[.?+*|{}[\]()"\\#@&<>~]/g, '\\$&');

/**
 * Disjunctive facet aggregations, each group filtered by every filter but its own: `options`
 * counts the groups nobody filtered on, `option_<i>` the i-th filtered group.
 */
export function facetAggregations(query: ProductSearchQuery, filters: Map<FacetFilter, Clause>) {
  const terms = (field: string, size = facetValueLimit) => ({ values: { terms: { field, size } } });
  const aggregations: Record<string, Clause> = {
    categories: { filter: allBut(filters, 'category'), aggs: terms('categoryKeys') },
    brands: { filter: allBut(filters, 'brand'), aggs: terms('brandKey') },
    // The values of every group in one aggregation: room for ten groups listed in full.
    options: { filter: allBut(filters), aggs: terms('optionValues', 10 * facetValueLimit) },
    price: {
      filter: allBut(filters, 'price'),
      aggs: { min: { min: { field: 'minPrice' } }, max: { max: { field: 'minPrice' } } },
    },
    in_stock: {
      filter: { bool: { filter: [allBut(filters, 'inStock'), { term: { inStock: true } }] } },
    },
  };
  optionGroupsOf(query).forEach((group, i) => {
    aggregations[`option_${i}`] = {
      filter: allBut(filters, optionFilter(group.name)),
      aggs: {
        values: {
          terms: {
            field: 'optionValues',
            size: facetValueLimit,
            include: `${escapeRegex(group.name)}${keySeparator}.*`,
          },
        },
      },
    };
  });
  return aggregations;
}
