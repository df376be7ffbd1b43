import { defineEntity, p } from '@mikro-orm/core';

/**
 * The sellable unit: one combination of option values, with its price (KRW, integer) and stock.
 * `onHand` is what the warehouse holds; `reserved` is promised to unpaid orders. What can still be
 * sold is `onHand - reserved`, and every change to either is a conditional update in SQL.
 * `sellable` (product ACTIVE and SKU enabled) is kept on the row so a reservation checks one row.
 */
export const SkuSchema = defineEntity({
  name: 'Sku',
  tableName: 'sku',
  uniques: [{ properties: ['productId', 'combination'] }],
  properties: {
    id: p.string().length(36).primary(),
    productId: p.string().length(36).index(),
    code: p.string().length(64).unique(),
    /** Option values in group order, joined: identifies the combination within its product. */
    combination: p.string().length(255).default(''),
    options: p.json<Record<string, string>>(),
    /** Display order within the product: generation order of the combinations. */
    position: p.integer().default(0),
    price: p.integer(),
    onHand: p.integer().default(0),
    reserved: p.integer().default(0),
    enabled: p.boolean().default(true),
    sellable: p.boolean().default(false),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class Sku extends SkuSchema.class {}
SkuSchema.setClass(Sku);

/** What can still be ordered (never negative, even mid-correction). */
export function availableUnits(sku: Pick<Sku, 'onHand' | 'reserved'>): number {
  return Math.max(sku.onHand - sku.reserved, 0);
}
