/** `_entities` for Order: only the key is needed to find its payment. */
export const paymentReferenceResolvers = {
  Order: (reference: object) => ({ id: (reference as { id: string }).id }),
};
