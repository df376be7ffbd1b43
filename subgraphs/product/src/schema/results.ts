import { createResultUnion, InvalidInput } from '@shop/kit/server';
import type { Outcome } from '../services/outcome.js';
import {
  BrandType,
  CatalogItemNotFound,
  CategoryType,
  ProductType,
  SkuType,
  StockBelowReserved,
} from './product.type.js';

export const ProductResult = createResultUnion({
  name: 'ProductResult',
  types: () => [ProductType, InvalidInput, CatalogItemNotFound] as const,
});

export const SkuResult = createResultUnion({
  name: 'SkuResult',
  description: 'StockBelowReserved: from adjustStock only.',
  types: () => [SkuType, InvalidInput, CatalogItemNotFound, StockBelowReserved] as const,
});

export const CategoryResult = createResultUnion({
  name: 'CategoryResult',
  types: () => [CategoryType, InvalidInput, CatalogItemNotFound] as const,
});

export const BrandResult = createResultUnion({
  name: 'BrandResult',
  types: () => [BrandType, InvalidInput] as const,
});

/** An admin use case's outcome as a GraphQL result: the saved entity or its typed error. */
export function resultOf<T>(
  outcome: Outcome<T>,
): T | InvalidInput | CatalogItemNotFound | StockBelowReserved {
  switch (outcome.kind) {
    case 'saved':
      return outcome.value;
    case 'invalid-input':
      return new InvalidInput(outcome.issues);
    case 'not-found':
      return new CatalogItemNotFound(outcome.what, outcome.id);
    case 'below-reserved':
      return new StockBelowReserved(outcome.onHand, outcome.reserved);
  }
}
