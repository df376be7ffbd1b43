import { defineEntity, p } from '@mikro-orm/core';

export const pointsHoldStatuses = ['HELD', 'USED', 'RELEASED', 'RESTORED'] as const;
export type PointsHoldStatus = (typeof pointsHoldStatuses)[number];

/**
 * Points an order is paying with: taken from the balance when the order is placed (HELD), kept
 * when it is paid (USED), given back when it fails or expires (RELEASED) or is cancelled after
 * payment (RESTORED). One per order, so every step is idempotent on the order id.
 */
export const PointsHoldSchema = defineEntity({
  name: 'PointsHold',
  tableName: 'points_hold',
  properties: {
    orderId: p.string().length(36).primary(),
    userId: p.string().length(36).index(),
    amount: p.integer(),
    status: p.enum(pointsHoldStatuses).default('HELD'),
    createdAt: p.datetime().onCreate(() => new Date()),
    settledAt: p.datetime().nullable(),
  },
});

export class PointsHold extends PointsHoldSchema.class {}
PointsHoldSchema.setClass(PointsHold);
