/** `_entities` for Order: only the key is needed to find its returns. */
export const returnReferenceResolvers = {
  Order: (reference: object) => ({ id: (reference as { id: string }).id }),
};
