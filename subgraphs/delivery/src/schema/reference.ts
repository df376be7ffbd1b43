/** `_entities` for Order: only the key is needed to find its shipments. */
export const deliveryReferenceResolvers = {
  Order: (reference: object) => ({ id: (reference as { id: string }).id }),
};
