import { defineEntity, p } from '@mikro-orm/core';

export const orderReturnStatuses = ['OPEN', 'REJECTED', 'REFUNDED', 'RESHIPPED'] as const;
export type OrderReturnStatus = (typeof orderReturnStatuses)[number];

/**
 * A return of the order, as the return service's events told it: open until it is rejected,
 * refunded or reshipped. Each close is one conditional update from OPEN, so a replayed event
 * counts nothing twice.
 */
export const OrderReturnSchema = defineEntity({
  name: 'OrderReturn',
  tableName: 'order_return',
  properties: {
    returnId: p.string().length(36).primary(),
    orderId: p.string().length(36).index(),
    status: p.enum(orderReturnStatuses),
    /** The units asked back per order line, held out of what may still be returned. */
    lines: p.json<{ orderLineId: string; quantity: number }[]>(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class OrderReturn extends OrderReturnSchema.class {}
OrderReturnSchema.setClass(OrderReturn);
