/**
 * The catalog index: Korean text through nori (decompounding, so 반팔티셔츠 meets 반팔 티셔츠), a
 * "compact" view of names without hyphens or apostrophes (T-Shirt ↔ tshirt), character 2–3-grams
 * for partial words, edge n-grams for autocomplete, and keywords for filters and facets.
 */
export const catalogIndexBody = {
  settings: {
    number_of_shards: 1,
    number_of_replicas: 0,
    analysis: {
      char_filter: {
        compact: { type: 'pattern_replace', pattern: "[-_.'’]", replacement: '' },
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
      analyzer: {
        korean: { type: 'custom', tokenizer: 'korean', filter: ['lowercase'] },
        korean_compact: {
          type: 'custom',
          char_filter: ['compact'],
          tokenizer: 'korean',
          filter: ['lowercase'],
        },
        grams: { type: 'custom', tokenizer: 'grams', filter: ['lowercase'] },
        prefixes: { type: 'custom', tokenizer: 'prefixes', filter: ['lowercase'] },
        prefix_query: { type: 'custom', tokenizer: 'standard', filter: ['lowercase'] },
      },
    },
  },
  mappings: {
    dynamic: 'strict',
    properties: {
      id: { type: 'keyword' },
      revision: { type: 'long' },
      name: {
        type: 'text',
        analyzer: 'korean',
        fields: {
          compact: { type: 'text', analyzer: 'korean_compact' },
          grams: { type: 'text', analyzer: 'grams' },
          prefixes: { type: 'text', analyzer: 'prefixes', search_analyzer: 'prefix_query' },
        },
      },
      description: { type: 'text', analyzer: 'korean' },
      brandId: { type: 'keyword' },
      brandName: { type: 'text', analyzer: 'korean' },
      brandKey: { type: 'keyword' },
      categoryId: { type: 'keyword' },
      categoryName: { type: 'text', analyzer: 'korean' },
      categoryIds: { type: 'keyword' },
      categoryKeys: { type: 'keyword' },
      optionValues: { type: 'keyword' },
      thumbnail: { type: 'keyword', index: false },
      minPrice: { type: 'long' },
      maxPrice: { type: 'long' },
      inStock: { type: 'boolean' },
      visible: { type: 'boolean' },
      soldCount: { type: 'long' },
      createdAt: { type: 'date' },
    },
  },
} as const;
