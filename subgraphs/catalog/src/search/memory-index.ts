import type { ProductSnapshot } from '@shop/contracts';
import { splitFacetKey, toCatalogDocument, type CatalogDocument } from './catalog-document.js';
import {
  decodeCursor,
  encodeCursor,
  type FacetCount,
  type IndexRebuild,
  type ProductFacetCounts,
  type ProductSearchPage,
  type ProductSearchQuery,
  type ProductSort,
  type SearchIndex,
} from './search-index.js';
import { facetKey } from './catalog-document.js';
import { matchable, wordScore, wordsOf, type MatchableText } from './text-matching.js';

interface Entry {
  document: CatalogDocument;
  name: MatchableText;
  /** Brand, category and description: matches here count for less than in the name. */
  context: MatchableText;
}

/** A facet group whose own filter is left out of its counts (`option:<group>` per option group). */
type Filter = 'category' | 'brand' | 'price' | 'inStock' | `option:${string}`;

function entryOf(snapshot: ProductSnapshot): Entry {
  const document = toCatalogDocument(snapshot);
  return {
    document,
    name: matchable(document.name),
    context: matchable(
      [
        document.brandName,
        snapshot.category?.path.map((level) => level.name).join(' '),
        document.description,
      ]
        .filter(Boolean)
        .join(' '),
    ),
  };
}

/**
 * Every query word must match the name or its context; the name counts double, and of two names
 * that match alike the shorter one matches more of itself (as BM25's length normalisation does).
 */
function relevance(entry: Entry, queryWords: string[]): number {
  let total = 0;
  for (const word of queryWords) {
    const score = Math.max(2 * wordScore(word, entry.name), wordScore(word, entry.context));
    if (score === 0) return 0;
    total += score;
  }
  return total + 1 / (1 + entry.name.words.length);
}

function put(documents: Map<string, Entry>, snapshot: ProductSnapshot): 'applied' | 'stale' {
  const stored = documents.get(snapshot.id);
  if (stored && stored.document.revision >= snapshot.revision) return 'stale';
  documents.set(snapshot.id, entryOf(snapshot));
  return 'applied';
}

function counted(counts: Map<string, number>): FacetCount[] {
  return [...counts]
    .map(([key, count]) => {
      const [value, label] = splitFacetKey(key);
      return { value, label, count };
    })
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

function increment(counts: Map<string, number>, key: string) {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/**
 * The embedded run's search index: every product in a map, queries evaluated in process. The
 * catalogue of a demo shop (a few thousand products) is small enough to scan per query, and the
 * listing cache in front of it absorbs repeats.
 */
export class MemoryIndex implements SearchIndex {
  private documents = new Map<string, Entry>();
  private building: Map<string, Entry> | undefined;

  async ensureReady(): Promise<void> {}

  async apply(snapshot: ProductSnapshot): Promise<'applied' | 'stale'> {
    if (this.building) put(this.building, snapshot);
    return put(this.documents, snapshot);
  }

  async count(): Promise<number> {
    let visible = 0;
    for (const entry of this.documents.values()) if (entry.document.visible) visible++;
    return visible;
  }

  async beginRebuild(): Promise<IndexRebuild> {
    const building = new Map<string, Entry>();
    this.building = building;
    return {
      write: async (snapshots) => {
        for (const snapshot of snapshots) put(building, snapshot);
      },
      complete: async () => {
        this.documents = building;
        this.building = undefined;
      },
      abort: async () => {
        this.building = undefined;
      },
    };
  }

  async close(): Promise<void> {}

  async autocomplete(prefix: string, limit: number): Promise<string[]> {
    const words = wordsOf(prefix);
    if (words.length === 0) return [];
    const scored: { name: string; score: number; sold: number }[] = [];
    for (const entry of this.documents.values()) {
      if (!entry.document.visible) continue;
      const name = entry.document.name.toLowerCase();
      const starts = name.startsWith(prefix.trim().toLowerCase()) ? 10 : 0;
      const score = relevance({ ...entry, context: matchable('') }, words);
      if (score > 0)
        scored.push({
          name: entry.document.name,
          score: score + starts,
          sold: entry.document.soldCount,
        });
    }
    scored.sort((a, b) => b.score - a.score || b.sold - a.sold || a.name.localeCompare(b.name));
    return [...new Set(scored.map((candidate) => candidate.name))].slice(0, limit);
  }

  async search(query: ProductSearchQuery): Promise<ProductSearchPage> {
    const queryWords = query.text ? wordsOf(query.text) : [];
    const scores = new Map<string, number>();
    const matching: Entry[] = [];
    for (const entry of this.documents.values()) {
      if (!entry.document.visible) continue;
      if (queryWords.length > 0) {
        const score = relevance(entry, queryWords);
        if (score === 0) continue;
        scores.set(entry.document.id, score);
      }
      matching.push(entry);
    }
    const passes = (entry: Entry, except?: Filter) => this.passes(entry.document, query, except);
    const hits = matching.filter((entry) => passes(entry));
    const sortKey = sortKeyOf(
      queryWords.length > 0 ? query.sort : defaultSortWithoutText(query.sort),
      scores,
    );
    const ordered = hits
      .map((entry) => ({ entry, key: sortKey(entry.document) }))
      .sort((a, b) => compareKeys(a.key, b.key));
    let start = 0;
    if (query.after) {
      const cursor = decodeCursor(query.after, 2);
      start = ordered.findIndex((hit) => compareKeys(hit.key, cursor) > 0);
      if (start === -1) start = ordered.length;
    }
    const page = ordered.slice(start, start + query.first);
    const last = page.at(-1);
    return {
      nodes: page.map((hit) => hit.entry.document),
      totalCount: hits.length,
      hasNextPage: start + query.first < ordered.length,
      endCursor: last ? encodeCursor(last.key) : null,
      facets: this.facets(matching, passes),
    };
  }

  private passes(document: CatalogDocument, query: ProductSearchQuery, except?: Filter): boolean {
    if (
      except !== 'category' &&
      query.categoryId &&
      !document.categoryIds.includes(query.categoryId)
    )
      return false;
    if (
      except !== 'brand' &&
      query.brandIds?.length &&
      !query.brandIds.includes(document.brandId ?? '')
    )
      return false;
    if (except !== 'price') {
      if (query.minPrice !== undefined && document.minPrice < query.minPrice) return false;
      if (query.maxPrice !== undefined && document.minPrice > query.maxPrice) return false;
    }
    if (except !== 'inStock' && query.inStockOnly && !document.inStock) return false;
    for (const group of query.options ?? []) {
      if (except === `option:${group.name}`) continue;
      if (
        !group.values.some((value) => document.optionValues.includes(facetKey(group.name, value)))
      )
        return false;
    }
    return true;
  }

  private facets(
    matching: Entry[],
    passes: (entry: Entry, except?: Filter) => boolean,
  ): ProductFacetCounts {
    const categories = new Map<string, number>();
    const brands = new Map<string, number>();
    const options = new Map<string, number>();
    let min = Infinity;
    let max = -Infinity;
    let inStock = 0;
    for (const entry of matching) {
      const document = entry.document;
      if (passes(entry, 'category'))
        for (const key of document.categoryKeys) increment(categories, key);
      if (document.brandKey && passes(entry, 'brand')) increment(brands, document.brandKey);
      for (const key of document.optionValues)
        if (passes(entry, `option:${splitFacetKey(key)[0]}`)) increment(options, key);
      if (passes(entry, 'price')) {
        min = Math.min(min, document.minPrice);
        max = Math.max(max, document.minPrice);
      }
      if (document.inStock && passes(entry, 'inStock')) inStock++;
    }
    const groups = new Map<string, FacetCount[]>();
    for (const { value: group, label: value, count } of counted(options)) {
      groups.set(group, [...(groups.get(group) ?? []), { value, label: value, count }]);
    }
    return {
      categories: counted(categories),
      brands: counted(brands),
      options: [...groups].map(([name, values]) => ({ name, values })),
      price: Number.isFinite(min) ? { min, max } : null,
      inStock,
    };
  }
}

/** Without words to rank by, "relevance" means what sells. */
function defaultSortWithoutText(sort: ProductSort): ProductSort {
  return sort === 'RELEVANCE' ? 'POPULARITY' : sort;
}

/** Keys compared ascending: descending orders negate their number; ties break on id. */
function sortKeyOf(sort: ProductSort, scores: Map<string, number>) {
  const primary = (document: CatalogDocument): number => {
    switch (sort) {
      case 'RELEVANCE':
        return -(scores.get(document.id) ?? 0);
      case 'PRICE_ASC':
        return document.minPrice;
      case 'PRICE_DESC':
        return -document.minPrice;
      case 'NEWEST':
        return -Date.parse(document.createdAt);
      case 'POPULARITY':
        return -document.soldCount;
    }
  };
  return (document: CatalogDocument): (string | number)[] => [primary(document), document.id];
}

function compareKeys(a: (string | number)[], b: (string | number)[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    return x < y ? -1 : 1;
  }
  return 0;
}
