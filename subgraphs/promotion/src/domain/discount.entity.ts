import { defineEntity, p } from '@mikro-orm/core';

export const discountTargets = ['PRODUCT', 'CATEGORY'] as const;
export const amountKinds = ['RATE', 'FIXED'] as const;
export type AmountKind = (typeof amountKinds)[number];

/**
 * A price cut on a product or a whole category (its subcategories included) for a period: RATE in
 * percent of the price, FIXED in won per unit. Per SKU only the best applicable discount counts.
 */
export const DiscountSchema = defineEntity({
  name: 'Discount',
  tableName: 'discount',
  indexes: [{ properties: ['targetId', 'active'] }],
  properties: {
    id: p.string().length(36).primary(),
    name: p.string().length(100),
    target: p.enum(discountTargets),
    targetId: p.string().length(36),
    kind: p.enum(amountKinds),
    value: p.integer(),
    startsAt: p.datetime(),
    endsAt: p.datetime(),
    active: p.boolean().default(true),
    // Milliseconds: the admin lists newest first, and two made within one second stay in order.
    createdAt: p.datetime(3).onCreate(() => new Date()),
  },
});

export class Discount extends DiscountSchema.class {}
DiscountSchema.setClass(Discount);
