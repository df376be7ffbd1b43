import { defineEntity, p } from '@mikro-orm/core';

export const returnTypes = ['RETURN', 'EXCHANGE'] as const;
export type ReturnType = (typeof returnTypes)[number];
export const returnReasons = ['CHANGED_MIND', 'DEFECTIVE', 'WRONG_ITEM'] as const;
export type ReturnReason = (typeof returnReasons)[number];
export const returnStatuses = [
  'REQUESTED',
  'APPROVED',
  'REJECTED',
  'COLLECTING',
  'RECEIVED',
  'REFUNDED',
  'RESHIPPED',
] as const;
export type ReturnStatus = (typeof returnStatuses)[number];

/**
 * A customer's return (refund) or exchange (same product, another SKU) of some lines of an order.
 * REQUESTED → APPROVED | REJECTED; APPROVED → COLLECTING (pickup registered with the carrier) →
 * RECEIVED → REFUNDED (return) or RESHIPPED (exchange). Each step is a conditional update.
 * APPROVED and RECEIVED are in flight (the pickup, the refund are under way); `updatedAt` tells
 * a return someone is working on from one whose process died, which recovery finishes.
 */
export const ReturnSchema = defineEntity({
  name: 'Return',
  tableName: 'shop_return',
  indexes: [
    { properties: ['orderId'] },
    { properties: ['status', 'createdAt'] },
    { properties: ['status', 'updatedAt'] },
  ],
  properties: {
    id: p.string().length(36).primary(),
    orderId: p.string().length(36),
    userId: p.string().length(36).index(),
    type: p.enum(returnTypes),
    reason: p.enum(returnReasons),
    status: p.enum(returnStatuses).default('REQUESTED'),
    /** Deducted from the refund when the customer changed their mind (the return trip). */
    shippingFee: p.integer().default(0),
    refundedAmount: p.integer().default(0),
    pickupTrackingNumber: p.string().length(50).nullable(),
    /** Set when an admin refunded on the customer's behalf: a retry with it finds this return. */
    adminRefundKey: p.string().length(64).nullable().unique(),
    reshipTrackingNumber: p.string().length(50).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
    closedAt: p.datetime().nullable(),
  },
});

export class Return extends ReturnSchema.class {}
ReturnSchema.setClass(Return);
