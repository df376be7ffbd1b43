import { raw } from '@mikro-orm/core';
import type { ReturnRefunded, ReturnRequested } from '@shop/contracts';
import type { EntityManager } from '@shop/kit/db';
import { OrderLine } from '../domain/order-line.entity.js';
import { OrderReturn, type OrderReturnStatus } from '../domain/order-return.entity.js';
import { Order } from '../domain/order.entity.js';

/**
 * The order's side of its returns, from the return service's events: an open return holds the
 * purchase confirmation and its units; a refund counts the units and money given back, and the
 * order becomes PARTIALLY_RETURNED (not yet confirmed) or RETURNED (every unit back). Each runs in
 * the caller's transaction (the event inbox's); a return's row moves from OPEN once as well.
 */
export class OrderReturns {
  async opened(tx: EntityManager, requested: ReturnRequested): Promise<void> {
    if (await tx.findOne(OrderReturn, { returnId: requested.returnId })) return;
    await tx.insert(OrderReturn, {
      returnId: requested.returnId,
      orderId: requested.orderId,
      status: 'OPEN',
      lines: requested.lines.map(({ orderLineId, quantity }) => ({ orderLineId, quantity })),
      createdAt: new Date(),
    });
    await tx.nativeUpdate(
      Order,
      { id: requested.orderId },
      { openReturns: raw('open_returns + 1') },
    );
    for (const line of requested.lines)
      await tx.nativeUpdate(
        OrderLine,
        { id: line.orderLineId, orderId: requested.orderId },
        { returnPendingQuantity: raw(`return_pending_quantity + ${line.quantity}`) },
      );
  }

  /** Rejected, or an exchange whose replacement shipped: the return no longer holds anything. */
  async closed(
    tx: EntityManager,
    closed: { returnId: string; orderId: string },
    to: 'REJECTED' | 'RESHIPPED',
  ): Promise<void> {
    await this.close(tx, closed, to);
  }

  async refunded(tx: EntityManager, refunded: ReturnRefunded): Promise<void> {
    if (!(await this.close(tx, refunded, 'REFUNDED'))) return;
    for (const line of refunded.lines)
      await tx.nativeUpdate(
        OrderLine,
        { id: line.orderLineId, orderId: refunded.orderId },
        {
          returnedQuantity: raw(`returned_quantity + ${line.quantity}`),
          refundedAmount: raw(`refunded_amount + ${line.refundAmount}`),
        },
      );
    await tx.nativeUpdate(
      Order,
      { id: refunded.orderId },
      { refundedAmount: raw(`refunded_amount + ${refunded.refundedAmount}`) },
    );
    const lines = await tx.find(OrderLine, { orderId: refunded.orderId }, { refresh: true });
    const everyUnitBack = lines.every((line) => line.returnedQuantity >= line.quantity);
    await Order.transitionWhereverAllowed(
      tx,
      refunded.orderId,
      everyUnitBack ? 'RETURNED' : 'PARTIALLY_RETURNED',
      'ReturnRefunded',
    );
  }

  /**
   * OPEN → `to`, releasing the order's hold; a return never seen open (its request predates this
   * consumer) is recorded closed. False when it was closed already: a replay.
   */
  private async close(
    tx: EntityManager,
    ref: { returnId: string; orderId: string },
    to: OrderReturnStatus,
  ): Promise<boolean> {
    const open = await tx.findOne(OrderReturn, { returnId: ref.returnId });
    if (!open) {
      await tx.insert(OrderReturn, {
        returnId: ref.returnId,
        orderId: ref.orderId,
        status: to,
        lines: [],
        createdAt: new Date(),
      });
      return true;
    }
    const changed = await tx.nativeUpdate(
      OrderReturn,
      { returnId: ref.returnId, status: 'OPEN' },
      { status: to },
    );
    if (changed !== 1) return false;
    await tx.nativeUpdate(
      Order,
      { id: ref.orderId, openReturns: { $gt: 0 } },
      { openReturns: raw('open_returns - 1') },
    );
    for (const line of open.lines)
      await tx.nativeUpdate(
        OrderLine,
        { id: line.orderLineId, orderId: ref.orderId },
        { returnPendingQuantity: raw(`return_pending_quantity - ${line.quantity}`) },
      );
    return true;
  }
}
