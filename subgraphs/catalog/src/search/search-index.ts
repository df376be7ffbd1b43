import type { ProductSnapshot } from '@shop/contracts';
import type { CatalogDocument } from './catalog-document.js';

export const productSorts = [
  'RELEVANCE',
  'PRICE_ASC',
  'PRICE_DESC',
  'NEWEST',
  'POPULARITY',
] as const;
/** RELEVANCE without text ranks by POPULARITY; every sort breaks ties on the product id. */
export type ProductSort = (typeof productSorts)[number];

export interface ProductSearchQuery {
  /** Matched against names (exact words, prefixes, partial words, typos), brand, category, description. */
  text?: string;
  /** Includes the category's descendants. */
  categoryId?: string;
  /** Any of these. */
  brandIds?: string[];
  /**
   * Any value within a group, every group: a product matches when some SKU on sale has one of
   * the group's values (not necessarily the same SKU for every group, as listing filters go).
   */
  options?: { name: string; values: string[] }[];
  /** Bounds on the "from" price (the lowest SKU price), inclusive. */
  minPrice?: number;
  maxPrice?: number;
  inStockOnly?: boolean;
  sort: ProductSort;
  /** Page size, 1 to 100 (the caller validates it). */
  first: number;
  /** The `endCursor` of the previous page of the same search. */
  after?: string;
}

export interface FacetCount {
  value: string;
  label: string;
  count: number;
}

/** Each group counts with every filter but its own (disjunctive facets). */
export interface ProductFacetCounts {
  categories: FacetCount[];
  brands: FacetCount[];
  options: { name: string; values: FacetCount[] }[];
  price: { min: number; max: number } | null;
  inStock: number;
}

export interface ProductSearchPage {
  nodes: CatalogDocument[];
  totalCount: number;
  endCursor: string | null;
  hasNextPage: boolean;
  facets: ProductFacetCounts;
}

export interface IndexRebuild {
  /** Adds snapshots to the index being built; older revisions than it holds are skipped. */
  write(snapshots: ProductSnapshot[]): Promise<void>;
  /** Swaps the alias to the new index in one step and drops the old one. */
  complete(): Promise<void>;
  abort(): Promise<void>;
}

/** What applying a product's snapshot did (see SearchIndex.apply). */
export type IndexChange = 'applied' | 'sales-only' | 'redelivered' | 'stale';

/**
 * What a snapshot no newer than the stored revision did: nothing. The same revision again is a
 * redelivery ('redelivered'), whose first delivery may have stopped before its pages were dropped;
 * an older one is 'stale'. Undefined when the snapshot is newer.
 */
export function unchangedBy(
  storedRevision: number | undefined,
  revision: number,
): IndexChange | undefined {
  if (storedRevision === undefined || storedRevision < revision) return undefined;
  return storedRevision === revision ? 'redelivered' : 'stale';
}

/**
 * The catalog's search index: OpenSearch in real runs, in memory in the embedded one. Both keep
 * the highest revision of each product and serve the same queries with the same answers.
 */
export interface SearchIndex {
  ensureReady(): Promise<void>;
  /**
   * Stores a product if its revision is newer than the stored one ('redelivered' for the same one,
   * 'stale' for an older), visible to searches once this resolves. While a rebuild is open the new
   * index receives it too.
   * 'sales-only': stored, but only its sold count moved (a sale), which no listing shows: the
   * popularity order may wait for cached pages to expire.
   */
  apply(snapshot: ProductSnapshot): Promise<IndexChange>;
  search(query: ProductSearchQuery): Promise<ProductSearchPage>;
  autocomplete(prefix: string, limit: number): Promise<string[]>;
  /** Visible products. */
  count(): Promise<number>;
  beginRebuild(): Promise<IndexRebuild>;
  close(): Promise<void>;
}

/** The `after` of a search was not a cursor this index produced. */
export class InvalidCursor extends Error {
  constructor() {
    super('invalid cursor');
  }
}

/**
 * A position in a sorted result: the sort value of the last node (a number for every sort: score,
 * price, creation time in milliseconds, units sold) and its id, the tiebreaker.
 */
export type SortPosition = [number, string];

export function encodeCursor(position: SortPosition): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor(cursor: string): SortPosition {
  try {
    const position: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (
      Array.isArray(position) &&
      position.length === 2 &&
      typeof position[0] === 'number' &&
      typeof position[1] === 'string'
    )
      return position as SortPosition;
  } catch {
    // Not JSON: reported below like any other malformed cursor.
  }
  throw new InvalidCursor();
}
