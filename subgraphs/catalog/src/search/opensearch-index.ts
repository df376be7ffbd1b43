import { Client } from '@opensearch-project/opensearch';
import type { Search_RequestBody } from '@opensearch-project/opensearch/api/index.js';
import type { ProductSnapshot } from '@shop/contracts';
import { splitFacetKey, toCatalogDocument, type CatalogDocument } from './catalog-document.js';
import { catalogIndexBody } from './opensearch-mapping.js';
import { facetAggregations, filtersOf, sortOf, textQuery } from './opensearch-query.js';
import {
  decodeCursor,
  encodeCursor,
  type FacetCount,
  type IndexRebuild,
  type ProductFacetCounts,
  type ProductSearchPage,
  type ProductSearchQuery,
  type SearchIndex,
} from './search-index.js';

interface Bucket {
  key: string;
  doc_count: number;
}
interface TermsAggregation {
  values: { buckets: Bucket[] };
}
interface SearchResponse {
  hits: {
    total: { value: number };
    hits: { _source: CatalogDocument; sort: (string | number)[] }[];
  };
  aggregations: Record<string, TermsAggregation & { doc_count: number }> & {
    price: { min: { value: number | null }; max: { value: number | null } };
  };
}

function statusOf(error: unknown): number | undefined {
  return (error as { meta?: { statusCode?: number } }).meta?.statusCode;
}

const facetCounts = (buckets: Bucket[]): FacetCount[] =>
  buckets.map((bucket) => {
    const [value, label] = splitFacetKey(bucket.key);
    return { value, label, count: bucket.doc_count };
  });

/**
 * The catalog index in OpenSearch, read and written through an alias. Every document is written
 * with its product revision as an external version, so the engine itself refuses an older
 * revision — events, replays and a concurrent rebuild can arrive in any order.
 */
export class OpenSearchIndex implements SearchIndex {
  private readonly client: Client;
  private readonly alias: string;
  private building: string | undefined;

  constructor(options: { node: string; alias?: string }) {
    this.client = new Client({ node: options.node, requestTimeout: 10_000 });
    this.alias = options.alias ?? 'catalog-products';
  }

  async ensureReady(): Promise<void> {
    const exists = await this.client.indices.existsAlias({ name: this.alias });
    if (exists.body) return;
    const index = await this.createPhysicalIndex();
    await this.client.indices.putAlias({ index, name: this.alias });
  }

  async apply(snapshot: ProductSnapshot): Promise<'applied' | 'stale'> {
    if (this.building) await this.write(this.building, snapshot);
    return this.write(this.alias, snapshot);
  }

  async count(): Promise<number> {
    const response = await this.client.count({
      index: this.alias,
      body: { query: { term: { visible: true } } },
    });
    return response.body.count;
  }

  async search(query: ProductSearchQuery): Promise<ProductSearchPage> {
    const filters = filtersOf(query);
    const searchAfter = query.after ? decodeCursor(query.after, 2) : undefined;
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
      facets: this.facetsOf(query, body.aggregations),
    };
  }

  async autocomplete(prefix: string, limit: number): Promise<string[]> {
    const response = await this.client.search({
      index: this.alias,
      body: {
        size: limit * 3,
        _source: ['name'],
        query: {
          bool: {
            filter: [{ term: { visible: true } }],
            must: [{ match: { 'name.prefixes': { query: prefix, operator: 'and' } } }],
          },
        },
        sort: [{ _score: 'desc' }, { soldCount: 'desc' }, { id: 'asc' }],
      },
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
          body: snapshots.flatMap((snapshot) => [
            {
              index: {
                _index: index,
                _id: snapshot.id,
                version: snapshot.revision,
                version_type: 'external',
              },
            },
            toCatalogDocument(snapshot),
          ]),
        });
        const failed = (response.body.items as { index?: { status: number; error?: unknown } }[])
          .map((item) => item.index)
          .filter((item) => item && item.status >= 300 && item.status !== 409);
        if (failed.length > 0)
          throw new Error(
            `reindex: ${failed.length} documents refused: ${JSON.stringify(failed[0]?.error)}`,
          );
      },
      complete: async () => {
        await this.client.indices.refresh({ index });
        const current = await this.client.indices.getAlias({ name: this.alias });
        const previous = Object.keys(current.body);
        await this.client.indices.updateAliases({
          body: {
            actions: [
              ...previous.map((old) => ({ remove: { index: old, alias: this.alias } })),
              { add: { index, alias: this.alias } },
            ],
          },
        });
        finish();
        if (previous.length > 0) await this.client.indices.delete({ index: previous });
      },
      abort: async () => {
        finish();
        await this.client.indices.delete({ index }).catch(() => {});
      },
    };
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  private async createPhysicalIndex(): Promise<string> {
    const index = `${this.alias}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
    await this.client.indices.create({
      index,
      body: catalogIndexBody as unknown as Record<string, unknown>,
    });
    return index;
  }

  private async write(index: string, snapshot: ProductSnapshot): Promise<'applied' | 'stale'> {
    try {
      await this.client.index({
        index,
        id: snapshot.id,
        body: toCatalogDocument(snapshot),
        version: snapshot.revision,
        version_type: 'external',
        // Visible before we return: the caller invalidates cached pages next.
        refresh: true,
      });
      return 'applied';
    } catch (error) {
      if (statusOf(error) === 409) return 'stale';
      throw error;
    }
  }

  private facetsOf(
    query: ProductSearchQuery,
    aggregations: SearchResponse['aggregations'],
  ): ProductFacetCounts {
    const groups = new Map<string, FacetCount[]>();
    for (const { value: group, label: value, count } of facetCounts(
      aggregations.options!.values.buckets,
    ))
      groups.set(group, [...(groups.get(group) ?? []), { value, label: value, count }]);
    // A group the shopper filtered on counts without its own filter.
    (query.options ?? []).forEach((group, i) => {
      groups.set(
        group.name,
        facetCounts(aggregations[`option_${i}`]!.values.buckets).map(({ label, count }) => ({
          value: label,
          label,
          count,
        })),
      );
    });
    const { min, max } = aggregations.price;
    return {
      categories: facetCounts(aggregations.categories!.values.buckets),
      brands: facetCounts(aggregations.brands!.values.buckets),
      options: [...groups].map(([name, values]) => ({ name, values })),
      price: min.value === null || max.value === null ? null : { min: min.value, max: max.value },
      inStock: aggregations.in_stock!.doc_count,
    };
  }
}
