import { defineEntity, p } from '@mikro-orm/core';

export const reservationStatuses = [
  'ACTIVE',
  'COMMITTED',
  'RELEASED',
  'EXPIRED',
  'RESTOCKED',
  'SHORT',
] as const;
export type ReservationStatus = (typeof reservationStatuses)[number];

/**
 * Stock held for one order line until the order is paid (COMMITTED), cancelled (RELEASED) or
 * left unpaid past `expiresAt` (EXPIRED); a paid order cancelled before shipment puts its units
 * back (RESTOCKED). A paid order committed after its reservation expired takes the units again if
 * they are still there (EXPIRED → COMMITTED), or the reservation is SHORT: sold to someone else
 * meanwhile. One row per (order, SKU): reserving again is a no-op.
 */
export const ReservationSchema = defineEntity({
  name: 'Reservation',
  tableName: 'reservation',
  uniques: [{ properties: ['orderId', 'skuId'] }],
  indexes: [{ properties: ['status', 'expiresAt'] }],
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    orderId: p.string().length(36).index(),
    skuId: p.string().length(36),
    quantity: p.integer(),
    status: p.enum(reservationStatuses).default('ACTIVE'),
    expiresAt: p.datetime(),
    createdAt: p.datetime().onCreate(() => new Date()),
    settledAt: p.datetime().nullable(),
  },
});

export class Reservation extends ReservationSchema.class {}
ReservationSchema.setClass(Reservation);
