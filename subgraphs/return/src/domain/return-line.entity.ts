import { defineEntity, p } from '@mikro-orm/core';

/**
 * One order line (part of it, possibly) in a return, with the amount a refund pays back for it:
 * the line's paid amount in proportion to the quantity returned.
 */
export const ReturnLineSchema = defineEntity({
  name: 'ReturnLine',
  tableName: 'return_line',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    returnId: p.string().length(36).index(),
    orderLineId: p.string().length(36).index(),
    /** The order line's brand, which the refund is stated against in settlement. */
    brandId: p.string().length(36).nullable(),
    skuId: p.string().length(36),
    quantity: p.integer(),
    refundAmount: p.integer(),
    /** The points this line was paid with, in proportion: returned as points, not money. */
    pointsAmount: p.integer().default(0),
    /** Exchanges: the SKU sent instead. */
    exchangeSkuId: p.string().length(36).nullable(),
  },
});

export class ReturnLine extends ReturnLineSchema.class {}
ReturnLineSchema.setClass(ReturnLine);
