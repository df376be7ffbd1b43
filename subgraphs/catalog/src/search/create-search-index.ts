import { MemoryIndex } from './memory-index.js';
import { OpenSearchIndex } from './opensearch-index.js';
import type { SearchIndex } from './search-index.js';

export type SearchIndexConfig =
  { kind: 'opensearch'; node: string; alias?: string } | { kind: 'memory' };

export function createSearchIndex(config: SearchIndexConfig): SearchIndex {
  return config.kind === 'opensearch' ? new OpenSearchIndex(config) : new MemoryIndex();
}
