import { defineEntity, p } from '@mikro-orm/core';

/**
 * An order whose lines may become payable, from its confirmation or its first refund. Its row is
 * the lock that puts an order's confirmation and refunds one after the other: they arrive on
 * different topics, so they may be handled at the same time, and each must see the other.
 */
export const PayableOrderSchema = defineEntity({
  name: 'PayableOrder',
  tableName: 'payable_order',
  properties: {
    orderId: p.string().length(36).primary(),
    /** When the buyer confirmed it (구매확정); null until settlement has booked that. */
    confirmedAt: p.datetime().nullable(),
  },
});

export class PayableOrder extends PayableOrderSchema.class {}
PayableOrderSchema.setClass(PayableOrder);
