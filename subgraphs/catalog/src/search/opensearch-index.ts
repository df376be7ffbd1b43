import { Client } from '@opensearch-project/opensearch';
import type { Search_RequestBody } from '@opensearch-project/opensearch/api/index.js';
import type { ProductSnapshot } from '@shop/contracts';
import {
  listsTheSame,
  splitFacetKey,
  toCatalogDocument,
  type CatalogDocument,
} from './catalog-document.js';
import { facetValuesOf, optionFacetsOf, optionGroupsOf } from './facets.js';
import { catalogIndexBody, catalogSchemaVersion } from './opensearch-mapping.js';
import {
  completionQuery,
  facetAggregations,
  filtersOf,
  sortOf,
  textQuery,
  visibleOnly,
} from './opensearch-query.js';
import {
  decodeCursor,
  encodeCursor,
  type IndexChange,
  unchangedBy,
  type IndexRebuild,
  type ProductFacetCounts,
  type ProductSearchPage,
  type ProductSearchQuery,
  type SearchIndex,
  type SortPosition,
} from './search-index.js';

interface Bucket {
  key: string;
  doc_count: number;
}
interface FilteredTerms {
  doc_count: number;
  values: { buckets: Bucket[] };
}
interface SearchResponse {
  hits: {
    total: { value: number };
    hits: { _source: CatalogDocument; sort: SortPosition }[];
  };
  aggregations: Record<string, FilteredTerms> & {
    price: { min: { value: number | null }; max: { value: number | null } };
  };
}

function statusOf(error: unknown): number | undefined {
  return (error as { meta?: { statusCode?: number } }).meta?.statusCode;
}

const countsOf = (buckets: Bucket[]) =>
  buckets.map((bucket): [string, number] => [bucket.key, bucket.doc_count]);

/**
 * The catalog index in OpenSearch, read and written through an alias over a physical index
 * (`<alias>-<time>-<random>`). Every document is written with its product revision as an external
 * version, so the engine itself refuses an older revision: events, replays and a concurrent
 * rebuild can arrive in any order.
 */
export class OpenSearchIndex implements SearchIndex {
  private readonly client: Client;
  private readonly alias: string;
  /** The physical index a rebuild in progress fills, which `apply` writes to as well. */
  private building: string | undefined;

  constructor(options: { node: string; alias?: string }) {
    this.client = new Client({ node: options.node, requestTimeout: 10_000 });
    this.alias = options.alias ?? 'catalog-products';
  }

  /**
   * Points the alias at an index of the current schema. An index of an older schema (other
   * fields or analysers) is replaced by an empty one: an empty catalog is what the service
   * rebuilds from product at start.
   */
  async ensureReady(): Promise<void> {
    const previous = await this.physicalIndexes();
    if (previous.length > 0) {
      const mappings = await this.client.indices.getMapping({ index: this.alias });
      const versions = Object.values(
        mappings.body as Record<string, { mappings: { _meta?: { schemaVersion?: number } } }>,
      ).map((index) => index.mappings._meta?.schemaVersion);
      if (versions.every((version) => version === catalogSchemaVersion)) return;
    }
    await this.pointAliasAt(await this.createPhysicalIndex(), previous);
  }

  async apply(snapshot: ProductSnapshot): Promise<IndexChange> {
    const document = toCatalogDocument(snapshot);
    const building = this.building;
    // The index being built may be dropped meanwhile (aborted): then only the live one matters.
    if (building) await this.write(building, document, true).catch(ignoreStatus(404));
    const listed = await this.listed(snapshot.id);
    const unchanged = unchangedBy(listed?.revision, document.revision);
    if (unchanged) return unchanged;
    const salesOnly = listed !== undefined && listsTheSame(listed, document);
    // A sale moves only the popularity order, which may wait for the next periodic refresh.
    const outcome = await this.write(this.alias, document, !salesOnly);
    return outcome === 'applied' && salesOnly ? 'sales-only' : outcome;
  }

  /** A product's live document as stored: a realtime get, so the latest write, refreshed or not. */
  private async listed(id: string): Promise<CatalogDocument | undefined> {
    try {
      const response = await this.client.get({ index: this.alias, id });
      return response.body._source as CatalogDocument | undefined;
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  async count(): Promise<number> {
    const response = await this.client.count({ index: this.alias, body: { query: visibleOnly } });
    return response.body.count;
  }

  async search(query: ProductSearchQuery): Promise<ProductSearchPage> {
    const searchAfter = query.after ? decodeCursor(query.after) : undefined;
    const filters = filtersOf(query);
    const response = await this.client.search({
      index: this.alias,
      // The clauses are built as plain engine JSON (see opensearch-query.ts).
      body: {
        size: query.first + 1,
        track_total_hits: true,
        query: textQuery(query.text),
        post_filter: { bool: { filter: [...filters.values()] } },
        sort: sortOf(query.sort, Boolean(query.text)),
        ...(searchAfter ? { search_after: searchAfter } : {}),
        aggs: facetAggregations(query, filters),
      } as Search_RequestBody,
    });
    const body = response.body as unknown as SearchResponse;
    const hits = body.hits.hits.slice(0, query.first);
    const last = hits.at(-1);
    return {
      nodes: hits.map((hit) => hit._source),
      totalCount: body.hits.total.value,
      hasNextPage: body.hits.hits.length > query.first,
      endCursor: last ? encodeCursor(last.sort) : null,
      facets: facetsOf(query, body.aggregations),
    };
  }

  async autocomplete(prefix: string, limit: number): Promise<string[]> {
    const response = await this.client.search({
      index: this.alias,
      body: {
        // Room for repeated names, which are listed once.
        size: limit * 3,
        _source: ['name'],
        query: completionQuery(prefix),
        sort: [{ _score: 'desc' }, { soldCount: 'desc' }, { id: 'asc' }],
      } as Search_RequestBody,
    });
    const hits = (response.body as unknown as SearchResponse).hits.hits;
    return [...new Set(hits.map((hit) => hit._source.name))].slice(0, limit);
  }

  async beginRebuild(): Promise<IndexRebuild> {
    const index = await this.createPhysicalIndex();
    this.building = index;
    const finish = () => {
      if (this.building === index) this.building = undefined;
    };
    return {
      write: async (snapshots) => {
        if (snapshots.length === 0) return;
        const response = await this.client.bulk({
          index,
          body: snapshots.flatMap((snapshot) => [
            { index: { _id: snapshot.id, version: snapshot.revision, version_type: 'external' } },
            toCatalogDocument(snapshot),
          ]),
        });
        // 409: the index already holds this revision or a newer one (a change applied meanwhile).
        const refused = (response.body.items as { index?: { status: number; error?: unknown } }[])
          .map((item) => item.index)
          .filter((item) => item && item.status >= 300 && item.status !== 409);
        if (refused.length > 0)
          throw new Error(
            `rebuild: ${refused.length} documents refused: ${JSON.stringify(refused[0]?.error)}`,
          );
      },
      complete: async () => {
        await this.client.indices.refresh({ index });
        await this.pointAliasAt(index, await this.physicalIndexes());
        finish();
      },
      abort: async () => {
        finish();
        await this.client.indices.delete({ index }).catch(ignoreStatus(404));
      },
    };
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  private async physicalIndexes(): Promise<string[]> {
    const exists = await this.client.indices.existsAlias({ name: this.alias });
    if (!exists.body) return [];
    const current = await this.client.indices.getAlias({ name: this.alias });
    return Object.keys(current.body);
  }

  private async createPhysicalIndex(): Promise<string> {
    const index = `${this.alias}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
    await this.client.indices.create({
      index,
      body: catalogIndexBody as unknown as Record<string, unknown>,
    });
    return index;
  }

  /** Moves the alias in one step (searches never see no index), then drops what it left. */
  private async pointAliasAt(index: string, previous: string[]): Promise<void> {
    await this.client.indices.updateAliases({
      body: {
        actions: [
          ...previous.map((old) => ({ remove: { index: old, alias: this.alias } })),
          { add: { index, alias: this.alias } },
        ],
      },
    });
    if (previous.length > 0) await this.client.indices.delete({ index: previous });
  }

  private async write(
    index: string,
    document: CatalogDocument,
    refresh: boolean,
  ): Promise<'applied' | 'stale'> {
    try {
      await this.client.index({
        index,
        id: document.id,
        body: document,
        version: document.revision,
        version_type: 'external',
        // Searchable before we return: the caller invalidates cached pages next, and a page
        // cached in between must not hold the old product. (`wait_for` would wait for the
        // next periodic refresh, up to a second per event.)
        refresh,
      });
      return 'applied';
    } catch (error) {
      if (statusOf(error) === 409) return 'stale';
      throw error;
    }
  }
}

function ignoreStatus(status: number) {
  return (error: unknown) => {
    if (statusOf(error) !== status) throw error;
  };
}

function facetsOf(
  query: ProductSearchQuery,
  aggregations: SearchResponse['aggregations'],
): ProductFacetCounts {
  // Groups with a filter of their own are counted by their own aggregations (option_<i>).
  const filteredGroups = optionGroupsOf(query);
  const filtered = new Set(filteredGroups.map((group) => group.name));
  const optionCounts = countsOf(aggregations.options!.values.buckets).filter(
    ([key]) => !filtered.has(splitFacetKey(key)[0]),
  );
  filteredGroups.forEach((_, i) =>
    optionCounts.push(...countsOf(aggregations[`option_${i}`]!.values.buckets)),
  );
  const { min, max } = aggregations.price;
  return {
    categories: facetValuesOf(countsOf(aggregations.categories!.values.buckets)),
    brands: facetValuesOf(countsOf(aggregations.brands!.values.buckets)),
    options: optionFacetsOf(optionCounts),
    price: min.value === null || max.value === null ? null : { min: min.value, max: max.value },
    inStock: aggregations.in_stock!.doc_count,
  };
}
