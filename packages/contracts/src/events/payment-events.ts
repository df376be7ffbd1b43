import { z } from 'zod';
import { topicOf } from './envelope.js';

const paymentTopic = topicOf('payment');

/**
 * The part of a refund that gives back one order line, as the service asking for the refund
 * counted it. Whatever of the refund's amount the lines do not cover is the shop's (shipping);
 * lines worth more than the amount mean the shop kept the difference (a return trip's fee).
 */
export const refundLineSchema = z.object({
  lineId: z.uuid(),
  brandId: z.uuid().nullable(),
  amount: z.number().int().nonnegative(),
});
export type RefundLine = z.infer<typeof refundLineSchema>;

/** payment.events — PaymentApproved: the PG charged the order's amount. */
export const paymentApprovedEvent = {
  type: 'PaymentApproved',
  version: 1,
  topic: paymentTopic,
  data: z.object({
    paymentId: z.uuid(),
    orderId: z.uuid(),
    userId: z.uuid(),
    paymentKey: z.string(),
    amount: z.number().int().positive(),
    approvedAt: z.iso.datetime(),
  }),
} as const;

/** PaymentCancelled: part or all of a payment was refunded at the PG. */
export const paymentCancelledEvent = {
  type: 'PaymentCancelled',
  version: 1,
  topic: paymentTopic,
  data: z.object({
    paymentId: z.uuid(),
    orderId: z.uuid(),
    cancelId: z.uuid(),
    amount: z.number().int().positive(),
    /** Paid minus every refund, after this one. */
    refundableAmount: z.number().int().nonnegative(),
    reason: z.string(),
    /** Absent for refunds that give back no particular line. */
    lines: z.array(refundLineSchema).default([]),
    /**
     * A void: the PG charged, but the charge never paid an order (it expired meanwhile, or the
     * amount was wrong). Settlement books the charge with its void, so the day nets to the PG.
     */
    void: z.boolean().default(false),
    cancelledAt: z.iso.datetime(),
  }),
} as const;

export type PaymentApproved = z.infer<typeof paymentApprovedEvent.data>;
export type PaymentCancelled = z.infer<typeof paymentCancelledEvent.data>;
