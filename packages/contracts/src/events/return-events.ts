import { z } from 'zod';
import { topicOf } from './envelope.js';

const returnTopic = topicOf('return');

const won = z.number().int().nonnegative();

/** One order line's units in a return (or, for an exchange, the units sent back). */
const returnedLineSchema = z.object({
  orderLineId: z.uuid(),
  skuId: z.uuid(),
  quantity: z.number().int().positive(),
});

const returnRefSchema = z.object({
  returnId: z.uuid(),
  orderId: z.uuid(),
  userId: z.uuid(),
});

/**
 * return.events — ReturnRequested: a customer asked to return or exchange units of a delivered
 * order. The order holds its purchase confirmation until the return is closed (rejected, refunded
 * or reshipped).
 */
export const returnRequestedEvent = {
  type: 'ReturnRequested',
  version: 1,
  topic: returnTopic,
  data: returnRefSchema.extend({
    type: z.enum(['RETURN', 'EXCHANGE']),
    reason: z.enum(['CHANGED_MIND', 'DEFECTIVE', 'WRONG_ITEM']),
    lines: z.array(returnedLineSchema).min(1),
    requestedAt: z.iso.datetime(),
  }),
} as const;

/** ReturnRejected: the shop refused the return; its units may be asked back again. */
export const returnRejectedEvent = {
  type: 'ReturnRejected',
  version: 1,
  topic: returnTopic,
  data: returnRefSchema.extend({ rejectedAt: z.iso.datetime() }),
} as const;

/** ReturnApproved: the shop accepted the return; a pickup is being booked. */
export const returnApprovedEvent = {
  type: 'ReturnApproved',
  version: 1,
  topic: returnTopic,
  data: returnRefSchema.extend({ approvedAt: z.iso.datetime() }),
} as const;

/** ReturnReceived: the warehouse has the units back; product puts them on the shelf. */
export const returnReceivedEvent = {
  type: 'ReturnReceived',
  version: 1,
  topic: returnTopic,
  data: returnRefSchema.extend({
    lines: z.array(returnedLineSchema).min(1),
    receivedAt: z.iso.datetime(),
  }),
} as const;

/**
 * ReturnRefunded: the PG gave the money back (payment was asked by REST) and the return is closed.
 * `refundedAmount` is what the PG refunded: the lines' value less a return-trip fee.
 */
export const returnRefundedEvent = {
  type: 'ReturnRefunded',
  version: 1,
  topic: returnTopic,
  data: returnRefSchema.extend({
    refundedAmount: won,
    /** Points the returned lines were paid with, given back to the customer. */
    pointsReturned: won,
    returnFee: won,
    lines: z
      .array(
        z.object({
          orderLineId: z.uuid(),
          brandId: z.uuid().nullable(),
          quantity: z.number().int().positive(),
          /** The line's value given back, before the return-trip fee. */
          refundAmount: won,
          pointsAmount: won,
        }),
      )
      .min(1),
    refundedAt: z.iso.datetime(),
  }),
} as const;

/** ExchangeReshipped: the replacement units left the warehouse; the exchange is closed. */
export const exchangeReshippedEvent = {
  type: 'ExchangeReshipped',
  version: 1,
  topic: returnTopic,
  data: returnRefSchema.extend({
    trackingNumber: z.string(),
    /** The replacement SKUs sent, per order line exchanged. */
    lines: z.array(returnedLineSchema).min(1),
    reshippedAt: z.iso.datetime(),
  }),
} as const;

export type ReturnRequested = z.infer<typeof returnRequestedEvent.data>;
export type ReturnRejected = z.infer<typeof returnRejectedEvent.data>;
export type ReturnApproved = z.infer<typeof returnApprovedEvent.data>;
export type ReturnReceived = z.infer<typeof returnReceivedEvent.data>;
export type ReturnRefunded = z.infer<typeof returnRefundedEvent.data>;
export type ExchangeReshipped = z.infer<typeof exchangeReshippedEvent.data>;
