import { defineEntity, p } from '@mikro-orm/core';
import { orderStatuses, type OrderStatus } from '@shop/contracts';

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

/**
 * An order's changes (oldest first) up to the status it was read with: a change committed after the
 * order's row was read would show the page a history a step ahead of its status. The order process
 * never returns to a status, so the change to `status` marks the cut; an order older than its
 * history (no such change) keeps every row.
 */
export function historyAsOf(
  changes: OrderStatusChange[],
  status: OrderStatus,
): OrderStatusChange[] {
  const reached = changes.findIndex((change) => change.status === status);
  return reached === -1 ? changes : changes.slice(0, reached + 1);
}
