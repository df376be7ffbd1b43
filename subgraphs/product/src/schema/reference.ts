import { Sku } from '../domain/sku.entity.js';
import type { ProductContext } from './loaders.js';

const idOf = (reference: object) => (reference as { id: string }).id;

/** `_entities`: batched per request; the type rules then decide what a caller may read. */
export const productReferenceResolvers = {
  Product: (reference: object, context: ProductContext) =>
    context.loaders.product.load(idOf(reference)),
  Sku: (reference: object, context: ProductContext) =>
    context.em.findOne(Sku, { id: idOf(reference) }),
  Category: (reference: object, context: ProductContext) =>
    context.loaders.category.load(idOf(reference)),
  Brand: (reference: object, context: ProductContext) =>
    context.loaders.brand.load(idOf(reference)),
};
