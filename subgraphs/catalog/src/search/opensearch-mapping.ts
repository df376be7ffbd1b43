import { keySeparator } from './catalog-document.js';

/**
 * Parts of speech nori leaves out: particles, verbal endings and punctuation only ("티셔츠를" is
 * found as 티셔츠). Nori's default list also drops adverbs, determiners, prefixes and suffixes,
 * which it assigns to pieces of product words it does not know (린넨 → 린 + 넨/XPN).
 */
const particlesAndEndings = [
  ...['JKS', 'JKC', 'JKG', 'JKO', 'JKB', 'JKV', 'JKQ', 'JX', 'JC'],
  ...['EP', 'EF', 'EC', 'ETN', 'ETM'],
  ...['SF', 'SE', 'SSO', 'SSC', 'SC', 'SP', 'SY'],
];

/**
 * The catalog index. Names are analysed four ways: nori (Korean morphemes, decompounding so
 * 반팔티셔츠 meets 반팔 티셔츠), a compact view without hyphens and apostrophes (T-Shirt ↔ tshirt),
 * whole words for fuzzy matching (nori splits a misspelt word into pieces no typo distance can
 * bridge: 티셔쯔 → 티셔 + 쯔), character 2–3-grams for partial words, and edge n-grams for
 * autocomplete. Option values are searchable too ("블랙 티셔츠"). Filters and facets read keywords.
 */
/** Raise with any change below: an index of another version is replaced (and refilled) at start. */
export const catalogSchemaVersion = 2;

export const catalogIndexBody = {
  settings: {
    number_of_shards: 1,
    number_of_replicas: 0,
    analysis: {
      char_filter: {
        compact: { type: 'pattern_replace', pattern: "[-_.'’]", replacement: '' },
        // `색상␟블랙` → `블랙`: option keywords searched by their value.
        option_value: {
          type: 'pattern_replace',
          pattern: `^[^${keySeparator}]*${keySeparator}`,
          replacement: '',
        },
      },
      tokenizer: {
        korean: { type: 'nori_tokenizer', decompound_mode: 'mixed' },
        grams: { type: 'ngram', min_gram: 2, max_gram: 3, token_chars: ['letter', 'digit'] },
        prefixes: {
          type: 'edge_ngram',
          min_gram: 1,
          max_gram: 20,
          token_chars: ['letter', 'digit'],
        },
      },
      filter: {
        korean_content: { type: 'nori_part_of_speech', stoptags: particlesAndEndings },
      },
      analyzer: {
        korean: { type: 'custom', tokenizer: 'korean', filter: ['korean_content', 'lowercase'] },
        korean_compact: {
          type: 'custom',
          char_filter: ['compact'],
          tokenizer: 'korean',
          filter: ['korean_content', 'lowercase'],
        },
        option_value: {
          type: 'custom',
          char_filter: ['option_value'],
          tokenizer: 'korean',
          filter: ['korean_content', 'lowercase'],
        },
        words: { type: 'custom', tokenizer: 'standard', filter: ['lowercase'] },
        grams: { type: 'custom', tokenizer: 'grams', filter: ['lowercase'] },
        prefixes: { type: 'custom', tokenizer: 'prefixes', filter: ['lowercase'] },
      },
    },
  },
  mappings: {
    _meta: { schemaVersion: catalogSchemaVersion },
    dynamic: 'strict',
    properties: {
      id: { type: 'keyword' },
      revision: { type: 'long' },
      name: {
        type: 'text',
        analyzer: 'korean',
        fields: {
          // Searched with `korean` like the fields it is matched across (cross_fields groups
          // fields by search analyzer and wants every word within one group).
          compact: { type: 'text', analyzer: 'korean_compact', search_analyzer: 'korean' },
          words: { type: 'text', analyzer: 'words' },
          grams: { type: 'text', analyzer: 'grams' },
          prefixes: { type: 'text', analyzer: 'prefixes', search_analyzer: 'words' },
        },
      },
      description: { type: 'text', analyzer: 'korean' },
      brandId: { type: 'keyword' },
      brandName: { type: 'text', analyzer: 'korean' },
      brandKey: { type: 'keyword' },
      categoryId: { type: 'keyword' },
      categoryName: { type: 'keyword', index: false },
      categoryIds: { type: 'keyword' },
      categoryNames: { type: 'text', analyzer: 'korean' },
      categoryKeys: { type: 'keyword' },
      optionValues: {
        type: 'keyword',
        fields: { text: { type: 'text', analyzer: 'option_value', search_analyzer: 'korean' } },
      },
      thumbnail: { type: 'keyword', index: false },
      skuCount: { type: 'integer' },
      minPrice: { type: 'long' },
      maxPrice: { type: 'long' },
      inStock: { type: 'boolean' },
      visible: { type: 'boolean' },
      soldCount: { type: 'long' },
      createdAt: { type: 'date' },
    },
  },
} as const;
