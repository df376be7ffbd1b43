import {
  orderCancelledEvent,
  orderCompletedEvent,
  orderFailedEvent,
  orderPaidEvent,
  orderPlacedEvent,
  type OrderCancelled,
} from '@shop/contracts';
import type { EntityManager } from '@shop/kit/db';
import type { Outbox } from '@shop/kit/events';
import { OrderLine } from '../domain/order-line.entity.js';
import type { Order } from '../domain/order.entity.js';

const amountsOf = (order: Order) => ({
  subtotal: order.subtotal,
  productDiscount: order.productDiscount,
  couponDiscount: order.couponDiscount,
  pointsUsed: order.pointsUsed,
  shippingFee: order.shippingFee,
  totalAmount: order.totalAmount,
});

const eventLine = (line: OrderLine) => ({
  lineId: line.id,
  skuId: line.skuId,
  productId: line.productId,
  brandId: line.brandId,
  quantity: line.quantity,
  paidAmount: line.paidAmount,
  productDiscount: line.productDiscount,
  couponDiscount: line.couponDiscount,
  pointsUsed: line.pointsUsed,
});

async function linesOf(tx: EntityManager, orderId: string) {
  const lines = await tx.find(OrderLine, { orderId }, { orderBy: { position: 'asc' } });
  return lines.map(eventLine);
}

/** The order's events, recorded in the transaction that changes its status. */
export class OrderEvents {
  constructor(private readonly outbox: Outbox) {}

  /** With the lines placing wrote (in position order), not read again. */
  placed(tx: EntityManager, order: Order, lines: OrderLine[]): void {
    this.outbox.record(tx, {
      type: orderPlacedEvent.type,
      subject: order.id,
      data: {
        orderId: order.id,
        userId: order.userId,
        amounts: amountsOf(order),
        lines: lines.map(eventLine),
      },
    });
  }

  async paid(tx: EntityManager, order: Order): Promise<void> {
    this.outbox.record(tx, {
      type: orderPaidEvent.type,
      subject: order.id,
      data: {
        orderId: order.id,
        userId: order.userId,
        paymentId: order.paymentId!,
        amounts: amountsOf(order),
        lines: await linesOf(tx, order.id),
        paidAt: order.paidAt!.toISOString(),
      },
    });
  }

  failed(tx: EntityManager, order: Order, reason: string): void {
    this.outbox.record(tx, {
      type: orderFailedEvent.type,
      subject: order.id,
      data: { orderId: order.id, userId: order.userId, reason },
    });
  }

  cancelled(
    tx: EntityManager,
    order: Order,
    data: Omit<OrderCancelled, 'orderId' | 'userId'>,
  ): void {
    this.outbox.record(tx, {
      type: orderCancelledEvent.type,
      subject: order.id,
      data: { orderId: order.id, userId: order.userId, ...data },
    });
  }

  completed(tx: EntityManager, order: Order, completedAt: Date): void {
    this.outbox.record(tx, {
      type: orderCompletedEvent.type,
      subject: order.id,
      data: {
        orderId: order.id,
        userId: order.userId,
        paidAmount: order.totalAmount - order.refundedAmount,
        refundedAmount: order.refundedAmount,
        completedAt: completedAt.toISOString(),
      },
    });
  }
}
