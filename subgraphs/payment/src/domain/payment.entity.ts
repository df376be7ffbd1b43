import { defineEntity, p } from '@mikro-orm/core';

export const paymentStatuses = [
  'READY',
  'APPROVED',
  'PARTIALLY_CANCELLED',
  'CANCELLED',
  'FAILED',
] as const;
export type PaymentStatus = (typeof paymentStatuses)[number];

/**
 * The one payment of an order (unique order id: a second confirmation finds the first). READY while
 * the PG is being asked; `cancelledAmount` only grows, by conditional updates that keep it at or
 * below `amount`, so refunds can never exceed what was paid.
 */
export const PaymentSchema = defineEntity({
  name: 'Payment',
  tableName: 'payment',
  indexes: [{ properties: ['status', 'updatedAt'] }],
  properties: {
    id: p.string().length(36).primary(),
    orderId: p.string().length(36).unique(),
    userId: p.string().length(36).index(),
    paymentKey: p.string().length(200),
    /** The order's amount, KRW: what the PG must approve. */
    amount: p.integer(),
    cancelledAmount: p.integer().default(0),
    status: p.enum(paymentStatuses).default('READY'),
    method: p.string().length(50).nullable(),
    failureCode: p.string().length(100).nullable(),
    failureMessage: p.string().length(500).nullable(),
    approvedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export class Payment extends PaymentSchema.class {}
PaymentSchema.setClass(Payment);
