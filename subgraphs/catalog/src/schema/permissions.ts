import { allow, isAdmin, type PermissionRules } from '@shop/kit/server';

export const catalogPermissions: PermissionRules = {
  Query: { products: allow, productSuggestions: allow, reindexStatus: isAdmin },
  Mutation: { reindexCatalog: isAdmin },
  Product: allow,
  Brand: allow,
  Category: allow,
  ProductSearchResult: allow,
  ProductFacets: allow,
  FacetValue: allow,
  OptionFacet: allow,
  PriceBounds: allow,
  ReindexRun: isAdmin,
};
