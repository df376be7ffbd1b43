import { allow, isStaff, staffMay, type PermissionRules } from '@shop/kit/server';

export const catalogPermissions: PermissionRules = {
  Query: { products: allow, productSuggestions: allow, reindexStatus: isStaff },
  Mutation: { reindexCatalog: staffMay('staff') },
  Product: allow,
  Brand: allow,
  Category: allow,
  ProductSearchResult: allow,
  ProductFacets: allow,
  FacetValue: allow,
  OptionFacet: allow,
  PriceBounds: allow,
  ReindexRun: isStaff,
};
