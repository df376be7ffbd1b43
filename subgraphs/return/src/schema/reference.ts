import type { ReturnContext } from './loaders.js';

const idOf = (reference: object) => String((reference as { id: unknown }).id);

/** `_entities`: batched per request; the type rules then decide who may read what. */
export const returnReferenceResolvers = {
  // Null for an unknown id; the Return rule (owner or admin) guards what is found.
  Return: (reference: object, context: ReturnContext) =>
    context.loaders.return.load(idOf(reference)),
  // Only the key is needed to find its returns.
  Order: (reference: object) => ({ id: idOf(reference) }),
};
