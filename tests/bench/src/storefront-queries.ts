import { readFileSync } from 'node:fs';

/** The storefront's listing query: a page of products with its facets (catalog only). */
export const listing = `query Listing($search: ProductSearchInput) {
  products(search: $search, first: 24) {
    totalCount endCursor hasNextPage
    nodes { id name thumbnail minPrice maxPrice inStock brand { id name } category { id name } }
    facets { categories { value label count } brands { value label count } options { name values { value count } } price { min max } inStock }
  }
}`;

/** The storefront's product page query, as the app sends it. */
export const productPage = readFileSync(
  new URL('../../../client/src/storefront/operations/product-detail.graphql', import.meta.url),
  'utf8',
);
