import type { OrderContext } from './loaders.js';

const idOf = (reference: object) => (reference as { id: string }).id;

/** `_entities`: batched per request; the type rules then decide who may read what. */
export const orderReferenceResolvers = {
  Order: (reference: object, context: OrderContext) => context.loaders.order.load(idOf(reference)),
  // Only the key is needed: `orders` reads the history by user id.
  User: (reference: object) => ({ id: idOf(reference) }),
};
