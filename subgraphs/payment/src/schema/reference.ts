import type { PaymentContext } from './loaders.js';

const idOf = (reference: object) => String((reference as { id: unknown }).id);

/** `_entities`: batched per request; the type rules then decide who may read what. */
export const paymentReferenceResolvers = {
  // Null for an unknown id; the Payment rule (owner or admin) guards what is found.
  Payment: (reference: object, context: PaymentContext) =>
    context.loaders.payment.load(idOf(reference)),
  // Only the key is needed to find its payment.
  Order: (reference: object) => ({ id: idOf(reference) }),
};
