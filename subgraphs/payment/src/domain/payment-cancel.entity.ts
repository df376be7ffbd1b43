import { defineEntity, p } from '@mikro-orm/core';
import type { RefundLine } from '@shop/contracts';

export const paymentCancelStatuses = ['REQUESTED', 'DONE', 'FAILED'] as const;

/**
 * One refund or void. Its idempotency key is unique, so a retried refund finds the first instead
 * of refunding twice; its amount is counted against the payment before the PG is asked. It keeps
 * what its event needs (lines, void), so whoever finishes it after a crash can say it whole;
 * `updatedAt` tells a row someone is working on from one left behind.
 */
export const PaymentCancelSchema = defineEntity({
  name: 'PaymentCancel',
  tableName: 'payment_cancel',
  indexes: [{ properties: ['status', 'updatedAt'] }],
  properties: {
    id: p.string().length(36).primary(),
    paymentId: p.string().length(36).index(),
    amount: p.integer(),
    reason: p.string().length(200),
    idempotencyKey: p.string().length(100).unique(),
    status: p.enum(paymentCancelStatuses).default('REQUESTED'),
    transactionKey: p.string().length(200).nullable(),
    /** What it gives back per order line (settlement's brand books); empty for a void. */
    lines: p.json<RefundLine[]>().default([]),
    /** The charge never paid the order: settlement books it with its void. */
    void: p.boolean().default(false),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export class PaymentCancel extends PaymentCancelSchema.class {}
PaymentCancelSchema.setClass(PaymentCancel);
