import type { ShipmentContext } from './loaders.js';

const idOf = (reference: object) => String((reference as { id: unknown }).id);

/** `_entities`: batched per request; the type rules then decide who may read what. */
export const deliveryReferenceResolvers = {
  // Null for an unknown id; the Shipment rule (owner or admin) guards what is found.
  Shipment: (reference: object, context: ShipmentContext) =>
    context.loaders.shipment.load(idOf(reference)),
  // Only the key is needed to find its shipments.
  Order: (reference: object) => ({ id: idOf(reference) }),
};
