import { defineEntity, p } from '@mikro-orm/core';

/**
 * The sellable unit: one combination of option values, with its price (KRW, integer) and stock.
 * `onHand` is what the warehouse holds; `reserved` is promised to unpaid orders. What can still be
 * sold is `onHand - reserved`, and every change to either is a conditional update in SQL.
 */
export const SkuSchema = defineEntity({
  name: 'Sku',
  tableName: 'sku',
  properties: {
    id: p.string().length(36).primary(),
    productId: p.string().length(36).index(),
    code: p.string().length(64).unique(),
    price: p.integer(),
    onHand: p.integer().default(0),
    reserved: p.integer().default(0),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class Sku extends SkuSchema.class {}
SkuSchema.setClass(Sku);
