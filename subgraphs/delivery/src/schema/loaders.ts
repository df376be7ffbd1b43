import { byIdLoader, type EntityManager } from '@shop/kit/db';
import type { SubgraphContext } from '@shop/kit/server';
import { Shipment } from '../domain/shipment.entity.js';

/** One query per request however many shipments an `_entities` call names. */
export function createShipmentLoaders(em: EntityManager) {
  return { shipment: byIdLoader(em, Shipment) };
}

export type ShipmentContext = SubgraphContext<ReturnType<typeof createShipmentLoaders>>;
