import type { OrderStatus } from '@shop/contracts';
import type { EntityManager } from '@shop/kit/db';
import type { Outbox } from '@shop/kit/events';
import { Order } from '../domain/order.entity.js';
import { sourcesOf } from '../domain/order-transitions.js';
import type { OrderEvents } from './order-events.js';

/** `claimed`: PREPARING now, or already further on its way. */
export type PrepareOutcome =
  | { kind: 'claimed'; status: OrderStatus }
  | { kind: 'not-shippable'; status: OrderStatus }
  | { kind: 'not-found' };

/** Where an order is once delivery has claimed it: any of these answers a repeated claim. */
const claimedForShipping = new Set<OrderStatus>([
  'PREPARING',
  'SHIPPED',
  'DELIVERED',
  'PARTIALLY_RETURNED',
  'COMPLETED',
  'RETURNED',
]);

export type ConfirmOutcome =
  | { kind: 'completed'; order: Order }
  | { kind: 'not-delivered'; status: OrderStatus }
  | { kind: 'return-open'; openReturns: number }
  | { kind: 'not-found' };

/** Delivered, wholly or partly kept: what a purchase confirmation completes. */
const confirmable = sourcesOf('COMPLETED', 'confirmPurchase');

export const isConfirmable = (order: Pick<Order, 'status' | 'openReturns'>) =>
  confirmable.includes(order.status) && order.openReturns === 0;

/**
 * After payment: shipped and delivered as delivery reports, then COMPLETED when the buyer confirms
 * the purchase or the confirmation delay runs out — never while a return is open (the reward and
 * the brand's payout follow the completion, so they wait for what the customer keeps). None of
 * these depends on where the order was, so each moves it from wherever the order process allows,
 * and a repeated or late event changes nothing.
 */
export class OrderFulfilment {
  constructor(private readonly deps: { outbox: Outbox; events: OrderEvents }) {}

  /**
   * Delivery claims a paid order before handing it to a carrier: PAID → PREPARING. A cancellation
   * claims the same PAID order (CANCELLING), so of the two exactly one wins. Idempotent.
   */
  async prepare(em: EntityManager, orderId: string): Promise<PrepareOutcome> {
    await Order.transitionWhereverAllowed(em.fork(), orderId, 'PREPARING', 'shipmentClaimed');
    const order = await em.fork().findOne(Order, { id: orderId });
    if (!order) return { kind: 'not-found' };
    return claimedForShipping.has(order.status)
      ? { kind: 'claimed', status: order.status }
      : { kind: 'not-shippable', status: order.status };
  }

  async shipped(em: EntityManager, orderId: string): Promise<void> {
    await Order.transitionWhereverAllowed(em.fork(), orderId, 'SHIPPED', 'ShipmentShipped');
  }

  async delivered(em: EntityManager, orderId: string, deliveredAt: Date): Promise<void> {
    await Order.transitionWhereverAllowed(em.fork(), orderId, 'DELIVERED', 'ShipmentDelivered', {
      deliveredAt,
    });
  }

  /** The buyer confirms the purchase: DELIVERED or PARTIALLY_RETURNED → COMPLETED, once. */
  async confirm(em: EntityManager, orderId: string): Promise<ConfirmOutcome> {
    const completedAt = new Date();
    await this.deps.outbox.transaction(em.fork(), async (tx) => {
      const changed = await Order.transitionWhereverAllowed(
        tx,
        orderId,
        'COMPLETED',
        'confirmPurchase',
        { completedAt },
        { openReturns: 0 },
      );
      if (changed)
        this.deps.events.completed(
          tx,
          await tx.findOneOrFail(Order, { id: orderId }, { refresh: true }),
          completedAt,
        );
    });
    const order = await em.fork().findOne(Order, { id: orderId });
    if (!order) return { kind: 'not-found' };
    if (order.status === 'COMPLETED') return { kind: 'completed', order };
    return confirmable.includes(order.status) && order.openReturns > 0
      ? { kind: 'return-open', openReturns: order.openReturns }
      : { kind: 'not-delivered', status: order.status };
  }

  /**
   * The sweeper: orders delivered longer ago than `afterMs`, with no return open, are confirmed
   * for the buyer.
   */
  async autoConfirmDue(em: EntityManager, afterMs: number, now = new Date()): Promise<number> {
    const due = await em.fork().find(
      Order,
      {
        status: { $in: confirmable },
        openReturns: 0,
        deliveredAt: { $lte: new Date(now.getTime() - afterMs) },
      },
      { limit: 200 },
    );
    let confirmed = 0;
    for (const order of due)
      if ((await this.confirm(em, order.id)).kind === 'completed') confirmed++;
    return confirmed;
  }
}
