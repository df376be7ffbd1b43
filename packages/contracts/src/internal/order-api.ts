import { z } from 'zod';
import { refundLineSchema } from '../events/payment-events.js';

export const orderStatuses = [
  /** Being placed: its holds are being taken; not payable until every one is in place. */
  'PLACING',
  'PENDING',
  'PAID',
  /** Claimed by delivery for shipping: no longer cancellable by the customer. */
  'PREPARING',
  'SHIPPED',
  'DELIVERED',
  /** Delivered, some units returned and refunded, not yet confirmed. */
  'PARTIALLY_RETURNED',
  'COMPLETED',
  /** Every unit was returned and refunded. */
  'RETURNED',
  'FAILED',
  /** Claimed for cancellation: the refund is under way; no longer shippable. */
  'CANCELLING',
  'CANCELLED',
] as const;
export type OrderStatus = (typeof orderStatuses)[number];

/** GET /internal/orders/:orderId on order: what payment checks before charging. */
export const payableOrderSchema = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  status: z.enum(orderStatuses),
  orderName: z.string(),
  /** KRW, what the PG must charge. */
  totalAmount: z.number().int().nonnegative(),
  expiresAt: z.iso.datetime(),
});
export type PayableOrder = z.infer<typeof payableOrderSchema>;

/** POST /internal/orders/:orderId/paid — the payment was approved at the PG. */
export const orderPaidRequestSchema = z.object({ paymentId: z.uuid() });

/** POST /internal/orders/:orderId/payment-failed — the payment will not happen. */
export const orderPaymentFailedRequestSchema = z.object({ reason: z.string().min(1).max(200) });

/**
 * POST /internal/orders/:orderId/preparing — delivery claims a paid order for shipping before it
 * hands the parcel to a carrier: 200 once claimed (or already on its way), 409 ORDER_NOT_SHIPPABLE
 * with the order's status if it is being cancelled (or was).
 */
export const orderPreparingAnswerSchema = z.object({ status: z.enum(orderStatuses) });

/** POST /internal/payments/:orderId/cancel on payment: a full or partial refund. */
export const paymentCancelRequestSchema = z.object({
  /** Absent: everything still refundable. */
  amount: z.number().int().positive().nullish(),
  reason: z.string().min(1).max(200),
  /** What the refund gives back per order line, for settlement (carried by PaymentCancelled). */
  lines: z.array(refundLineSchema).max(100).default([]),
  /** The same key returns the first refund's result instead of refunding twice. */
  idempotencyKey: z.string().min(8).max(100),
  /** The charge never paid this order (it arrived after the order closed): a void, not a refund. */
  void: z.boolean().default(false),
});
/**
 * The one idempotency key of a payment's void: payment voiding a charge it could not keep and
 * order refusing a late approval use it alike, so the PG is asked once.
 */
export function paymentVoidKey(paymentId: string): string {
  return `void-${paymentId}`;
}
export type PaymentCancelRequest = z.infer<typeof paymentCancelRequestSchema>;

export const paymentCancelResultSchema = z.object({
  paymentId: z.uuid(),
  cancelledAmount: z.number().int().nonnegative(),
  /** Paid minus every refund so far. */
  refundableAmount: z.number().int().nonnegative(),
  status: z.enum(['APPROVED', 'PARTIALLY_CANCELLED', 'CANCELLED']),
});
export type PaymentCancelResult = z.infer<typeof paymentCancelResultSchema>;

/** GET /internal/orders/:orderId/lines on order: the order and what each line cost. */
export const orderWithLinesSchema = payableOrderSchema.extend({
  lines: z.array(
    z.object({
      lineId: z.uuid(),
      skuId: z.uuid(),
      productId: z.uuid(),
      brandId: z.uuid().nullable(),
      quantity: z.number().int().positive(),
      /** After discounts, coupon share and points share: what a full refund of the line returns. */
      paidAmount: z.number().int().nonnegative(),
      /** The line's share of the points the order used: a return gives it back as points. */
      pointsUsed: z.number().int().nonnegative(),
    }),
  ),
});
export type OrderWithLines = z.infer<typeof orderWithLinesSchema>;
