import { defineEntity, p } from '@mikro-orm/core';

export const stockMovementKinds = ['RECEIVED', 'SOLD', 'RESTOCKED', 'ADJUSTED'] as const;
export type StockMovementKind = (typeof stockMovementKinds)[number];

/**
 * Every change of `onHand`, with its cause, so that for each SKU
 * onHand = Σ RECEIVED + Σ RESTOCKED + Σ ADJUSTED − Σ SOLD.
 */
export const StockMovementSchema = defineEntity({
  name: 'StockMovement',
  tableName: 'stock_movement',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    skuId: p.string().length(36).index(),
    kind: p.enum(stockMovementKinds),
    /** Signed: SOLD is negative. */
    quantity: p.integer(),
    reference: p.string().length(64),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class StockMovement extends StockMovementSchema.class {}
StockMovementSchema.setClass(StockMovement);
