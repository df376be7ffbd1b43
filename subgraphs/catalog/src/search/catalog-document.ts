import { isDeepStrictEqual } from 'node:util';
import { listingSummary, type ProductSnapshot } from '@shop/contracts';

/** Joins a facet's id (or option group) and its label in one keyword: one field, one aggregation. */
export const keySeparator = '\u001f';
export const facetKey = (first: string, second: string) => `${first}${keySeparator}${second}`;
export function splitFacetKey(key: string): [string, string] {
  const at = key.indexOf(keySeparator);
  return [key.slice(0, at), key.slice(at + 1)];
}

/** One product as the index holds it: flat, with everything a listing page and its facets need. */
export interface CatalogDocument {
  id: string;
  revision: number;
  name: string;
  description: string;
  brandId: string | null;
  brandName: string | null;
  categoryId: string | null;
  categoryName: string | null;
  /** The category and its ancestors: a filter on a parent matches its children's products. */
  categoryIds: string[];
  /** Their names, root first, for text search ("신발" finds every kind of shoe). */
  categoryNames: string[];
  /** `id␟name` of every level, for the category facet. */
  categoryKeys: string[];
  brandKey: string | null;
  /** `group␟value` of the enabled SKUs, e.g. 색상␟블랙. */
  optionValues: string[];
  thumbnail: string | null;
  /** SKUs on sale (enabled), whether or not in stock. */
  skuCount: number;
  minPrice: number;
  maxPrice: number;
  inStock: boolean;
  /** ACTIVE or SOLD_OUT. Others stay indexed (their revision still orders events) but never show. */
  visible: boolean;
  soldCount: number;
  createdAt: string;
}

export function toCatalogDocument(snapshot: ProductSnapshot): CatalogDocument {
  const summary = listingSummary(snapshot);
  const path = snapshot.category?.path ?? [];
  const onSale = snapshot.skus.filter((sku) => sku.enabled);
  const optionValues = new Set<string>();
  for (const sku of onSale)
    for (const [group, value] of Object.entries(sku.options))
      optionValues.add(facetKey(group, value));
  return {
    id: snapshot.id,
    revision: snapshot.revision,
    name: snapshot.name,
    description: snapshot.description,
    brandId: snapshot.brand?.id ?? null,
    brandName: snapshot.brand?.name ?? null,
    brandKey: snapshot.brand ? facetKey(snapshot.brand.id, snapshot.brand.name) : null,
    categoryId: snapshot.category?.id ?? null,
    categoryName: snapshot.category?.name ?? null,
    categoryIds: path.map((level) => level.id),
    categoryNames: path.map((level) => level.name),
    categoryKeys: path.map((level) => facetKey(level.id, level.name)),
    optionValues: [...optionValues],
    thumbnail: summary.thumbnail,
    skuCount: onSale.length,
    minPrice: summary.minPrice,
    maxPrice: summary.maxPrice,
    inStock: summary.inStock,
    visible: snapshot.status === 'ACTIVE' || snapshot.status === 'SOLD_OUT',
    soldCount: snapshot.soldCount,
    createdAt: snapshot.createdAt,
  };
}

/** Whether two documents of a product list the same way: all but the revision and sold count. */
export function listsTheSame(stored: CatalogDocument, next: CatalogDocument): boolean {
  const { revision: _storedRevision, soldCount: _storedSales, ...storedListing } = stored;
  const { revision: _nextRevision, soldCount: _nextSales, ...nextListing } = next;
  return isDeepStrictEqual(storedListing, nextListing);
}
