import { defineEntity, p } from '@mikro-orm/core';

export const shipmentStatuses = [
  'READY',
  'SHIPPED',
  'IN_TRANSIT',
  'OUT_FOR_DELIVERY',
  'DELIVERED',
  'FAILED',
  'CANCELLED',
] as const;
export type ShipmentStatus = (typeof shipmentStatuses)[number];

/** How far along a shipment is: tracking only ever moves it forward, whatever order events arrive in. */
export const shipmentProgress: Record<ShipmentStatus, number> = {
  READY: 0,
  SHIPPED: 1,
  IN_TRANSIT: 2,
  OUT_FOR_DELIVERY: 3,
  DELIVERED: 4,
  FAILED: 4,
  CANCELLED: 4,
};

/**
 * The parcel of a paid order: created READY when the order is paid, SHIPPED when an admin hands it
 * to a carrier, then moved by the carrier's tracking events until DELIVERED.
 */
export const ShipmentSchema = defineEntity({
  name: 'Shipment',
  tableName: 'shipment',
  indexes: [{ properties: ['status', 'lastTrackedAt'] }],
  properties: {
    id: p.string().length(36).primary(),
    orderId: p.string().length(36).unique(),
    userId: p.string().length(36).index(),
    status: p.enum(shipmentStatuses).default('READY'),
    carrier: p.string().length(50).nullable(),
    trackingNumber: p.string().length(50).nullable().unique(),
    shippedAt: p.datetime().nullable(),
    deliveredAt: p.datetime().nullable(),
    lastTrackedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class Shipment extends ShipmentSchema.class {}
ShipmentSchema.setClass(Shipment);
