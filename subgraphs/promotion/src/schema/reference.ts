/** `_entities`: the keys (and, for Sku, the required price) are all these fields need. */
export const promotionReferenceResolvers = {
  User: (reference: object) => reference,
  Sku: (reference: object) => reference,
};
