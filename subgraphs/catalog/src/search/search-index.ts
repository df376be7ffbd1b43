import type { ProductSnapshot } from '@shop/contracts';
import type { CatalogDocument } from './catalog-document.js';

export const productSorts = [
  'RELEVANCE',
  'PRICE_ASC',
  'PRICE_DESC',
  'NEWEST',
  'POPULARITY',
] as const;
export type ProductSort = (typeof productSorts)[number];

export interface ProductSearchQuery {
  text?: string;
  /** Includes the category's descendants. */
  categoryId?: string;
  /** Any of these. */
  brandIds?: string[];
  /** Any value within a group; every group. */
  options?: { name: string; values: string[] }[];
  /** Bounds on the "from" price (the lowest SKU price), inclusive. */
  minPrice?: number;
  maxPrice?: number;
  inStockOnly?: boolean;
  sort: ProductSort;
  first: number;
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

/**
 * The catalog's search index: OpenSearch in real runs, in memory in the embedded one. Both keep
 * the highest revision of each product and serve the same queries with the same answers.
 */
export interface SearchIndex {
  ensureReady(): Promise<void>;
  /**
   * Stores a product if its revision is newer than the stored one ('stale' otherwise), visible to
   * searches once this resolves. While a rebuild is open the new index receives it too.
   */
  apply(snapshot: ProductSnapshot): Promise<'applied' | 'stale'>;
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

export function encodeCursor(sortValues: unknown[]): string {
  return Buffer.from(JSON.stringify(sortValues)).toString('base64url');
}

export function decodeCursor(cursor: string, length: number): (string | number)[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (
      Array.isArray(values) &&
      values.length === length &&
      values.every((value) => typeof value === 'string' || typeof value === 'number')
    )
      return values as (string | number)[];
  } catch {
    // Not JSON: reported below like any other malformed cursor.
  }
  throw new InvalidCursor();
}
