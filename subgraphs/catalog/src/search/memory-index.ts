import type { ProductSnapshot } from '@shop/contracts';
import {
  listsTheSame,
  splitFacetKey,
  toCatalogDocument,
  type CatalogDocument,
} from './catalog-document.js';
import {
  facetValuesOf,
  optionFacetsOf,
  optionFilter,
  optionGroupsOf,
  optionKeysOf,
  type FacetFilter,
} from './facets.js';
import { TextIndex } from './memory-text-index.js';
import {
  decodeCursor,
  encodeCursor,
  type IndexChange,
  unchangedBy,
  type IndexRebuild,
  type ProductFacetCounts,
  type ProductSearchPage,
  type ProductSearchQuery,
  type ProductSort,
  type SearchIndex,
  type SortPosition,
} from './search-index.js';

interface Entry {
  document: CatalogDocument;
  /** The document's option keywords, looked up by the option filters. */
  optionKeys: Set<string>;
  /** Each option keyword with the filter of its group, for the option facets. */
  optionFacets: { key: string; filter: FacetFilter }[];
}

/** One generation of the index: every product by id, and the text of the visible ones. */
class Generation {
  private readonly entries = new Map<string, Entry>();
  readonly text = new TextIndex();

  put(snapshot: ProductSnapshot): IndexChange {
    const stored = this.entries.get(snapshot.id);
    const unchanged = unchangedBy(stored?.document.revision, snapshot.revision);
    if (unchanged) return unchanged;
    const document = toCatalogDocument(snapshot);
    const salesOnly = stored !== undefined && listsTheSame(stored.document, document);
    this.entries.set(snapshot.id, {
      document,
      optionKeys: new Set(document.optionValues),
      optionFacets: document.optionValues.map((key) => ({
        key,
        filter: optionFilter(splitFacetKey(key)[0]),
      })),
    });
    this.text.remove(snapshot.id);
    if (document.visible) {
      const context = [
        document.brandName ?? '',
        ...document.categoryNames,
        ...document.optionValues.map((key) => splitFacetKey(key)[1]),
        document.description,
      ];
      this.text.add(snapshot.id, document.name, context.join(' '));
    }
    return salesOnly ? 'sales-only' : 'applied';
  }

  entry(id: string): Entry | undefined {
    return this.entries.get(id);
  }

  *visible(): Iterable<Entry> {
    for (const entry of this.entries.values()) if (entry.document.visible) yield entry;
  }
}

/**
 * The filters of a query as one function: which of them a product fails. None means a match;
 * exactly one means the product still counts in that filter's facet group.
 */
function failedFiltersOf(query: ProductSearchQuery): (entry: Entry) => FacetFilter[] {
  const brandIds = query.brandIds?.length ? new Set(query.brandIds) : undefined;
  const optionGroups = optionGroupsOf(query).map((group) => ({
    filter: optionFilter(group.name),
    keys: optionKeysOf(group),
  }));
  return ({ document, optionKeys }) => {
    const failed: FacetFilter[] = [];
    if (query.categoryId && !document.categoryIds.includes(query.categoryId))
      failed.push('category');
    if (brandIds && !(document.brandId && brandIds.has(document.brandId))) failed.push('brand');
    if (
      (query.minPrice !== undefined && document.minPrice < query.minPrice) ||
      (query.maxPrice !== undefined && document.minPrice > query.maxPrice)
    )
      failed.push('price');
    if (query.inStockOnly && !document.inStock) failed.push('inStock');
    for (const group of optionGroups)
      if (!group.keys.some((key) => optionKeys.has(key))) failed.push(group.filter);
    return failed;
  };
}

/** Tallies the facet counts of a search, one candidate at a time. */
class FacetTally {
  private readonly categories = new Map<string, number>();
  private readonly brands = new Map<string, number>();
  private readonly options = new Map<string, number>();
  private minPrice = Infinity;
  private maxPrice = -Infinity;
  private inStock = 0;

  /**
   * `failed` holds the filters the candidate fails: it counts in every group if none, in that
   * filter's group alone if one.
   */
  add({ document, optionFacets }: Entry, failed: FacetFilter[]) {
    if (failed.length > 1) return;
    const only = failed[0];
    if (only === undefined || only === 'category')
      for (const key of document.categoryKeys) increment(this.categories, key);
    if (document.brandKey && (only === undefined || only === 'brand'))
      increment(this.brands, document.brandKey);
    for (const { key, filter } of optionFacets)
      if (only === undefined || only === filter) increment(this.options, key);
    if (only === undefined || only === 'price') {
      this.minPrice = Math.min(this.minPrice, document.minPrice);
      this.maxPrice = Math.max(this.maxPrice, document.minPrice);
    }
    if (document.inStock && (only === undefined || only === 'inStock')) this.inStock++;
  }

  counts(): ProductFacetCounts {
    return {
      categories: facetValuesOf(this.categories),
      brands: facetValuesOf(this.brands),
      options: optionFacetsOf(this.options),
      price: Number.isFinite(this.minPrice) ? { min: this.minPrice, max: this.maxPrice } : null,
      inStock: this.inStock,
    };
  }
}

function increment(counts: Map<string, number>, key: string) {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

interface Hit {
  document: CatalogDocument;
  position: SortPosition;
}

/**
 * What a sort orders by: the same values OpenSearch sorts on (so cursors hold the same kind of
 * position), the product id breaking ties.
 */
function orderOf(sort: ProductSort, scores: Map<string, number> | undefined) {
  const valueOf = (document: CatalogDocument): number => {
    switch (sort) {
      case 'RELEVANCE':
        return scores?.get(document.id) ?? 0;
      case 'PRICE_ASC':
      case 'PRICE_DESC':
        return document.minPrice;
      case 'NEWEST':
        return Date.parse(document.createdAt);
      case 'POPULARITY':
        return document.soldCount;
    }
  };
  const direction = sort === 'PRICE_ASC' ? 1 : -1;
  const compare = ([valueA, idA]: SortPosition, [valueB, idB]: SortPosition) =>
    (valueA - valueB) * direction || (idA < idB ? -1 : idA > idB ? 1 : 0);
  return {
    positionOf: (document: CatalogDocument): SortPosition => [valueOf(document), document.id],
    compare,
  };
}

/** The index of the first hit after `position` in sorted hits. */
function firstAfter(
  hits: Hit[],
  position: SortPosition,
  compare: (a: SortPosition, b: SortPosition) => number,
): number {
  let low = 0;
  let high = hits.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compare(hits[middle]!.position, position) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The embedded run's search index, in process: documents in a map, the visible ones' text in
 * inverted indexes (words and bigrams to products), filters and facets evaluated over the
 * candidates of a query. A rebuild fills a new generation and swaps the reference.
 */
export class MemoryIndex implements SearchIndex {
  private live = new Generation();
  private building: Generation | undefined;

  async ensureReady(): Promise<void> {}

  async apply(snapshot: ProductSnapshot): Promise<IndexChange> {
    this.building?.put(snapshot);
    return this.live.put(snapshot);
  }

  async count(): Promise<number> {
    let visible = 0;
    for (const _ of this.live.visible()) visible++;
    return visible;
  }

  async search(query: ProductSearchQuery): Promise<ProductSearchPage> {
    const position = query.after ? decodeCursor(query.after) : undefined;
    const generation = this.live;
    const scores = query.text ? generation.text.search(query.text) : undefined;
    const candidates = scores
      ? [...scores.keys()].flatMap((id) => generation.entry(id) ?? [])
      : generation.visible();
    const { positionOf, compare } = orderOf(
      scores || query.sort !== 'RELEVANCE' ? query.sort : 'POPULARITY',
      scores,
    );
    const failedFilters = failedFiltersOf(query);
    const facets = new FacetTally();
    const hits: Hit[] = [];
    for (const entry of candidates) {
      const failed = failedFilters(entry);
      facets.add(entry, failed);
      if (failed.length === 0)
        hits.push({ document: entry.document, position: positionOf(entry.document) });
    }
    hits.sort((a, b) => compare(a.position, b.position));
    const start = position ? firstAfter(hits, position, compare) : 0;
    const page = hits.slice(start, start + query.first);
    const last = page.at(-1);
    return {
      nodes: page.map((hit) => hit.document),
      totalCount: hits.length,
      hasNextPage: start + page.length < hits.length,
      endCursor: last ? encodeCursor(last.position) : null,
      facets: facets.counts(),
    };
  }

  async autocomplete(prefix: string, limit: number): Promise<string[]> {
    const generation = this.live;
    const ranked = [...generation.text.completions(prefix)]
      .flatMap(([id, score]) => {
        const entry = generation.entry(id);
        return entry ? [{ document: entry.document, score }] : [];
      })
      .sort(
        (a, b) =>
          b.score - a.score ||
          b.document.soldCount - a.document.soldCount ||
          a.document.name.localeCompare(b.document.name),
      );
    return [...new Set(ranked.map(({ document }) => document.name))].slice(0, limit);
  }

  async beginRebuild(): Promise<IndexRebuild> {
    const building = new Generation();
    this.building = building;
    const finish = () => {
      if (this.building === building) this.building = undefined;
    };
    return {
      write: async (snapshots) => {
        for (const snapshot of snapshots) building.put(snapshot);
      },
      complete: async () => {
        this.live = building;
        finish();
      },
      abort: async () => finish(),
    };
  }

  async close(): Promise<void> {}
}
