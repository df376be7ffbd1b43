/** The GraphQL operations the catalog system tests send, as a storefront and an admin would. */

export const createCategory = `mutation CreateCategory($input: CreateCategoryInput!) {
  createCategory(input: $input) { __typename ... on Category { id } ... on ErrorResult { message } }
}`;

export const createBrand = `mutation CreateBrand($input: CreateBrandInput!) {
  createBrand(input: $input) { __typename ... on Brand { id } ... on ErrorResult { message } }
}`;

export const createProduct = `mutation CreateProduct($input: CreateProductInput!) {
  createProduct(input: $input) {
    __typename
    ... on Product { id name status skus { id price available options { name value } } }
    ... on InvalidInput { issues { field message } }
    ... on ErrorResult { errorCode message }
  }
}`;

export const updateProduct = `mutation UpdateProduct($id: ID!, $input: UpdateProductInput!) {
  updateProduct(id: $id, input: $input) { __typename ... on ErrorResult { message } }
}`;

export const updateSku = `mutation UpdateSku($id: ID!, $input: UpdateSkuInput!) {
  updateSku(id: $id, input: $input) { __typename ... on Sku { id price } ... on ErrorResult { message } }
}`;

export const adjustStock = `mutation AdjustStock($skuId: ID!, $input: AdjustStockInput!) {
  adjustStock(skuId: $skuId, input: $input) {
    __typename
    ... on Sku { id available onHand reserved }
    ... on ErrorResult { errorCode message }
  }
}`;

export const searchProducts = `query Search($search: ProductSearchInput, $first: Int, $after: String) {
  products(search: $search, first: $first, after: $after) {
    totalCount
    endCursor
    hasNextPage
    nodes { id name minPrice maxPrice inStock thumbnail brand { id name } category { id name } }
    facets {
      categories { value label count }
      brands { value label count }
      options { name values { value count } }
      price { min max }
      inStock
    }
  }
}`;

/** A listing with detail fields that only product has: the router joins them by entity key. */
export const listingWithDetails = `query ListingWithDetails($search: ProductSearchInput) {
  products(search: $search, first: 5) {
    nodes { id name minPrice description status skus { id options { name value } available } }
  }
}`;

export const suggestions = `query Suggest($prefix: String!) { productSuggestions(prefix: $prefix) }`;

export const productDetail = `query Product($id: ID!) { product(id: $id) { id name status } }`;

export const reindexCatalog = `mutation Reindex {
  reindexCatalog {
    __typename
    ... on ReindexRun { id state }
    ... on ReindexAlreadyRunning { errorCode run { id } }
  }
}`;

export const reindexStatus = `query ReindexStatus { reindexStatus { id state indexed total error } }`;
