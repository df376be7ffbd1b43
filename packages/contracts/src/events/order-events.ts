import { z } from 'zod';
import { topicOf } from './envelope.js';

const orderTopic = topicOf('order');

const won = z.number().int().nonnegative();

export const orderLineSnapshotSchema = z.object({
  lineId: z.uuid(),
  skuId: z.uuid(),
  productId: z.uuid(),
  /** Absent in events written before brands were stated apart. */
  brandId: z.uuid().nullable().default(null),
  quantity: z.number().int().positive(),
  /** What the customer paid for the line: after discounts, coupon share and points share. */
  paidAmount: won,
  productDiscount: won,
  couponDiscount: won,
  pointsUsed: won,
});

const orderAmountsSchema = z.object({
  subtotal: won,
  productDiscount: won,
  couponDiscount: won,
  pointsUsed: won,
  shippingFee: won,
  /** What the PG charges. */
  totalAmount: won,
});

/** order.events — OrderPlaced: a PENDING order holds stock, coupon and points. */
export const orderPlacedEvent = {
  type: 'OrderPlaced',
  version: 1,
  topic: orderTopic,
  data: z.object({
    orderId: z.uuid(),
    userId: z.uuid(),
    amounts: orderAmountsSchema,
    lines: z.array(orderLineSnapshotSchema),
  }),
} as const;

/** OrderPaid: the payment was approved and the order's holds are committed. */
export const orderPaidEvent = {
  type: 'OrderPaid',
  version: 1,
  topic: orderTopic,
  data: z.object({
    orderId: z.uuid(),
    userId: z.uuid(),
    paymentId: z.uuid(),
    amounts: orderAmountsSchema,
    lines: z.array(orderLineSnapshotSchema),
    paidAt: z.iso.datetime(),
  }),
} as const;

/**
 * OrderCancelled: cancelled by the customer or an admin, expired unpaid, or paid but its stock was
 * gone (OUT_OF_STOCK); refunded if paid.
 */
export const orderCancelledEvent = {
  type: 'OrderCancelled',
  version: 1,
  topic: orderTopic,
  data: z.object({
    orderId: z.uuid(),
    userId: z.uuid(),
    reason: z.enum(['CUSTOMER', 'ADMIN', 'EXPIRED', 'OUT_OF_STOCK']),
    wasPaid: z.boolean(),
    refundedAmount: won,
  }),
} as const;

/** OrderFailed: the payment failed; everything the order held is released. */
export const orderFailedEvent = {
  type: 'OrderFailed',
  version: 1,
  topic: orderTopic,
  data: z.object({ orderId: z.uuid(), userId: z.uuid(), reason: z.string() }),
} as const;

export type OrderPlaced = z.infer<typeof orderPlacedEvent.data>;
export type OrderPaid = z.infer<typeof orderPaidEvent.data>;
export type OrderCancelled = z.infer<typeof orderCancelledEvent.data>;
export type OrderFailed = z.infer<typeof orderFailedEvent.data>;

/** OrderCompleted: the buyer confirmed the purchase (or it was confirmed for them after a delay). */
export const orderCompletedEvent = {
  type: 'OrderCompleted',
  version: 1,
  topic: orderTopic,
  data: z.object({
    orderId: z.uuid(),
    userId: z.uuid(),
    /** What the customer paid, net of the refunds the order knew of when it completed. */
    paidAmount: won,
    /** Those refunds: paidAmount + refundedAmount is what the PG charged. */
    refundedAmount: won.default(0),
    completedAt: z.iso.datetime(),
  }),
} as const;

export type OrderCompleted = z.infer<typeof orderCompletedEvent.data>;
