import { defineEntity, p } from '@mikro-orm/core';

export const couponStatuses = ['ISSUED', 'RESERVED', 'USED', 'RESTORED', 'EXPIRED'] as const;
export type CouponStatus = (typeof couponStatuses)[number];

/**
 * A coupon issued to one customer. `ISSUED → RESERVED → USED → RESTORED`: reserved by an unpaid
 * order (back to ISSUED if it fails), used when it is paid, restored (usable again) if the paid
 * order is cancelled. (template, user, sequence) is unique: the per-customer limit holds even when
 * claims race.
 */
export const CouponSchema = defineEntity({
  name: 'Coupon',
  tableName: 'coupon',
  uniques: [{ properties: ['templateId', 'userId', 'sequence'] }],
  indexes: [{ properties: ['userId', 'status'] }],
  properties: {
    id: p.string().length(36).primary(),
    templateId: p.string().length(36),
    userId: p.string().length(36),
    sequence: p.integer(),
    status: p.enum(couponStatuses).default('ISSUED'),
    orderId: p.string().length(36).nullable(),
    issuedAt: p.datetime().onCreate(() => new Date()),
    usedAt: p.datetime().nullable(),
  },
});

export class Coupon extends CouponSchema.class {}
CouponSchema.setClass(Coupon);
