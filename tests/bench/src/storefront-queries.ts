import { readFileSync } from 'node:fs';

/** The storefront's listing query: a page of products with its facets (catalog only). */
export const listing = `query Listing($search: ProductSearchInput) {
  products(search: $search, first: 24) {
    totalCount endCursor hasNextPage
    nodes { id name thumbnail minPrice maxPrice inStock brand { id name } category { id name } }
    facets { categories { value label count } brands { value label count } options { name values { value count } } price { min max } inStock }
  }
}`;

/**
 * 24 different listing pages (four sorts × six price floors), for a load that is not one query
 * repeated: identical anonymous fetches in flight share one answer in the router, so a load of one
 * listing measures that sharing as much as a gateway's own work.
 */
export const listingVariations = ['POPULARITY', 'NEWEST', 'PRICE_ASC', 'PRICE_DESC'].flatMap(
  (sort) =>
    [0, 10_000, 20_000, 30_000, 50_000, 100_000].map((minPrice) => ({
      search: { sort, minPrice },
    })),
);

/** The storefront's product page query, as the app sends it. */
export const productPage = readFileSync(
  new URL('../../../client/src/storefront/operations/product-detail.graphql', import.meta.url),
  'utf8',
);
