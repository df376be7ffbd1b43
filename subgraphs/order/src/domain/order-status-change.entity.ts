import { defineEntity, p } from '@mikro-orm/core';
import { orderStatuses } from '@shop/contracts';

/**
 * One status an order moved to, and why: the order page's history. Written by `Order`'s transition
 * methods in the transaction that moves the order, so a change and its row never part.
 */
export const OrderStatusChangeSchema = defineEntity({
  name: 'OrderStatusChange',
  tableName: 'order_status_change',
  properties: {
    /** Rising: orders a history whose changes share a millisecond. */
    id: p.integer().autoincrement().primary(),
    orderId: p.string().length(36).index(),
    status: p.enum(orderStatuses),
    /** The OrderCause that made the change (order-transitions.ts). */
    cause: p.string().length(40),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class OrderStatusChange extends OrderStatusChangeSchema.class {}
OrderStatusChangeSchema.setClass(OrderStatusChange);
