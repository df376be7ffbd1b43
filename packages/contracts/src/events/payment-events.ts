import { z } from 'zod';

/** payment.events — PaymentApproved: the PG charged the order's amount. */
export const paymentApprovedEvent = {
  type: 'PaymentApproved',
  version: 1,
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
  data: z.object({
    paymentId: z.uuid(),
    orderId: z.uuid(),
    cancelId: z.uuid(),
    amount: z.number().int().positive(),
    /** Paid minus every refund, after this one. */
    refundableAmount: z.number().int().nonnegative(),
    reason: z.string(),
    cancelledAt: z.iso.datetime(),
  }),
} as const;

export type PaymentApproved = z.infer<typeof paymentApprovedEvent.data>;
export type PaymentCancelled = z.infer<typeof paymentCancelledEvent.data>;
