import { defineEntity, p } from '@mikro-orm/core';
import { amountKinds } from './discount.entity.js';

/**
 * What a coupon is worth and who may have it: RATE (percent, capped by `maxDiscount`) or FIXED
 * (won), a minimum order, a validity window, and limits on how many are issued in all and per
 * customer. `issuedCount` only grows by a conditional update below `totalLimit`.
 */
export const CouponTemplateSchema = defineEntity({
  name: 'CouponTemplate',
  tableName: 'coupon_template',
  properties: {
    id: p.string().length(36).primary(),
    name: p.string().length(100),
    kind: p.enum(amountKinds),
    value: p.integer(),
    minOrderAmount: p.integer().default(0),
    maxDiscount: p.integer().nullable(),
    validFrom: p.datetime(),
    validUntil: p.datetime(),
    totalLimit: p.integer(),
    perCustomerLimit: p.integer().default(1),
    issuedCount: p.integer().default(0),
    /** Customers may claim it themselves (a download coupon); otherwise only admins issue it. */
    claimable: p.boolean().default(false),
    /** What a customer types to claim it, claimable or not (upper-case); none: no code. */
    code: p.string().length(20).nullable().unique(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class CouponTemplate extends CouponTemplateSchema.class {}
CouponTemplateSchema.setClass(CouponTemplate);
