import { defineEntity, p } from '@mikro-orm/core';

export const paymentCancelStatuses = ['REQUESTED', 'DONE', 'FAILED'] as const;

/**
 * One refund. Its idempotency key is unique, so a retried refund finds the first instead of
 * refunding twice; its amount is counted against the payment before the PG is asked.
 */
export const PaymentCancelSchema = defineEntity({
  name: 'PaymentCancel',
  tableName: 'payment_cancel',
  properties: {
    id: p.string().length(36).primary(),
    paymentId: p.string().length(36).index(),
    amount: p.integer(),
    reason: p.string().length(200),
    idempotencyKey: p.string().length(100).unique(),
    status: p.enum(paymentCancelStatuses).default('REQUESTED'),
    transactionKey: p.string().length(200).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class PaymentCancel extends PaymentCancelSchema.class {}
PaymentCancelSchema.setClass(PaymentCancel);
