import { defineEntity, p } from '@mikro-orm/core';

export const stockMovementKinds = ['RECEIVED', 'SOLD', 'RESTOCKED', 'ADJUSTED'] as const;
export type StockMovementKind = (typeof stockMovementKinds)[number];

/** Why an admin moved stock by hand; every manual movement names one. */
export const stockAdjustmentReasons = [
  'RECEIVED',
  'DAMAGED',
  'LOST',
  'COUNT_CORRECTION',
  'RETURNED',
] as const;
export type StockAdjustmentReason = (typeof stockAdjustmentReasons)[number];

/**
 * Every change of `onHand`, with its cause, so that for each SKU
 * onHand = Σ RECEIVED + Σ RESTOCKED + Σ ADJUSTED − Σ SOLD.
 */
export const StockMovementSchema = defineEntity({
  name: 'StockMovement',
  tableName: 'stock_movement',
  // A movement is recorded once per cause: a retried adjustment or restock is a no-op.
  uniques: [{ properties: ['skuId', 'kind', 'reference'] }],
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    skuId: p.string().length(36).index(),
    kind: p.enum(stockMovementKinds),
    /** Signed: SOLD is negative. */
    quantity: p.integer(),
    /** What caused it: the order, return or admin request id. */
    reference: p.string().length(64),
    note: p.string().length(200).nullable(),
    /** Manual movements only: why, and the admin who made it (orders and returns name neither). */
    reason: p.enum(stockAdjustmentReasons).nullable(),
    actorId: p.string().length(36).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class StockMovement extends StockMovementSchema.class {}
StockMovementSchema.setClass(StockMovement);
