export * from './catalog-document.js';
export * from './create-search-index.js';
export * from './memory-index.js';
export * from './opensearch-index.js';
export * from './search-index.js';
