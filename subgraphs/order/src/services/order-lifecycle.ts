import type { OrderStatus } from '@shop/contracts';
import type { Logger } from '@shop/kit';
import type { EntityManager } from '@shop/kit/db';
import type { Outbox } from '@shop/kit/events';
import { OrderLine } from '../domain/order-line.entity.js';
import { Order, type CancelReason } from '../domain/order.entity.js';
import type { OrderEvents } from './order-events.js';
import type { OrderHolds } from './order-holds.js';
import { cancellationRefundReason, type PaymentClient } from './payment-client.js';

export type PaidOutcome =
  | { kind: 'paid'; order: Order }
  /** `paidBy`: the payment that did pay it, if any (then cancelled, or another payment). */
  | { kind: 'not-payable'; status: OrderStatus; paidBy: string | null }
  | { kind: 'not-found' };

export type CancelOutcome =
  | { kind: 'cancelled'; order: Order }
  | { kind: 'not-cancellable'; status: OrderStatus }
  | { kind: 'refund-failed'; message: string }
  | { kind: 'not-found' };

const placementInterrupted = 'PLACEMENT_INTERRUPTED';

/** Statuses from which a paid order can still be cancelled and refunded: it has not shipped. */
const cancellableWhenPaid: OrderStatus[] = ['PAID', 'PREPARING'];

/**
 * The order's status changes after it was placed. Each is one conditional UPDATE from the statuses
 * it may leave, so of two racing changes (a payment arriving as the order expires) one wins and
 * the other learns the order moved on. The event commits with the change; the holds follow.
 */
export class OrderLifecycle {
  constructor(
    private readonly deps: {
      outbox: Outbox;
      events: OrderEvents;
      holds: OrderHolds;
      payment: PaymentClient;
      logger: Logger;
    },
  ) {}

  /** The PG approved the payment: PENDING and not yet expired → PAID. Idempotent per payment. */
  async markPaid(em: EntityManager, orderId: string, paymentId: string): Promise<PaidOutcome> {
    const order = await em.fork().findOne(Order, { id: orderId });
    if (!order) return { kind: 'not-found' };
    if (order.status === 'PAID' && order.paymentId === paymentId) return { kind: 'paid', order };
    const paidAt = new Date();
    const won = await this.deps.outbox.transaction(em.fork(), async (tx) => {
      const changed = await tx.nativeUpdate(
        Order,
        { id: orderId, status: 'PENDING', expiresAt: { $gt: paidAt } },
        { status: 'PAID', paymentId, paidAt, holdsSettled: false },
      );
      if (changed === 1)
        await this.deps.events.paid(tx, Object.assign(order, { paymentId, paidAt }));
      return changed === 1;
    });
    const current = (await em.fork().findOne(Order, { id: orderId }))!;
    if (!won)
      return current.status === 'PAID' && current.paymentId === paymentId
        ? { kind: 'paid', order: current }
        : { kind: 'not-payable', status: current.status, paidBy: current.paymentId ?? null };
    await this.settleHolds(em, current);
    return { kind: 'paid', order: current };
  }

  /** The payment will not happen (declined, amount mismatch): PENDING → FAILED, holds given back. */
  async markPaymentFailed(
    em: EntityManager,
    orderId: string,
    reason: string,
  ): Promise<OrderStatus | undefined> {
    const changed = await this.transition(
      em,
      orderId,
      ['PENDING'],
      'FAILED',
      { failureReason: reason.slice(0, 200) },
      (tx, order) => this.deps.events.failed(tx, order, reason),
    );
    return changed?.status ?? (await em.fork().findOne(Order, { id: orderId }))?.status;
  }

  /** By the customer or an admin: unpaid orders just close; paid ones are refunded first. */
  async cancel(
    em: EntityManager,
    orderId: string,
    by: Exclude<CancelReason, 'EXPIRED'>,
  ): Promise<CancelOutcome> {
    const order = await em.fork().findOne(Order, { id: orderId });
    if (!order) return { kind: 'not-found' };
    if (order.status === 'PENDING') {
      const cancelled = await this.close(em, order.id, ['PENDING'], by, 0);
      if (cancelled) return { kind: 'cancelled', order: cancelled };
    } else if (cancellableWhenPaid.includes(order.status)) {
      let refunded: number;
      // Not shipped, so nothing was returned: each line gives back all it cost, shipping the rest.
      const lines = (await em.fork().find(OrderLine, { orderId })).map((line) => ({
        lineId: line.id,
        brandId: line.brandId ?? null,
        amount: line.paidAmount,
      }));
      try {
        refunded = (
          await this.deps.payment.refundAll(order.id, cancellationRefundReason(by), lines)
        ).cancelledAmount;
      } catch (error) {
        this.deps.logger.warn({ err: error, orderId }, 'refund failed; the order stays paid');
        return {
          kind: 'refund-failed',
          message: 'The refund could not be made; nothing was cancelled. Try again.',
        };
      }
      const cancelled = await this.close(em, order.id, cancellableWhenPaid, by, refunded);
      if (cancelled) return { kind: 'cancelled', order: cancelled };
    }
    const current = (await em.fork().findOne(Order, { id: orderId }))!;
    return current.status === 'CANCELLED'
      ? { kind: 'cancelled', order: current }
      : { kind: 'not-cancellable', status: current.status };
  }

  /**
   * The payment was refunded in full after all (a cancellation's refund finished by payment's
   * recovery): a paid order that has not shipped closes, and what it held goes back.
   */
  async closeRefunded(
    em: EntityManager,
    orderId: string,
    by: Exclude<CancelReason, 'EXPIRED'>,
  ): Promise<void> {
    const order = await em.fork().findOne(Order, { id: orderId });
    if (order && cancellableWhenPaid.includes(order.status))
      await this.close(em, orderId, cancellableWhenPaid, by, order.totalAmount);
  }

  /** The sweeper: unpaid orders past their expiry are cancelled and give everything back. */
  async expireDue(em: EntityManager, now = new Date()): Promise<number> {
    const due = await em
      .fork()
      .find(Order, { status: 'PENDING', expiresAt: { $lte: now } }, { limit: 200 });
    let expired = 0;
    for (const order of due)
      if (await this.close(em, order.id, ['PENDING'], 'EXPIRED', 0)) expired++;
    return expired;
  }

  /**
   * The sweeper: orders still PLACING long after they were written lost their process midway;
   * they fail, and whatever they held is given back (each give-back is a no-op where nothing was).
   */
  async failInterruptedPlacements(
    em: EntityManager,
    timeoutMs: number,
    now = new Date(),
  ): Promise<number> {
    const stuck = await em
      .fork()
      .find(
        Order,
        { status: 'PLACING', createdAt: { $lt: new Date(now.getTime() - timeoutMs) } },
        { limit: 200 },
      );
    let failed = 0;
    for (const order of stuck) {
      const changed = await this.transition(
        em,
        order.id,
        ['PLACING'],
        'FAILED',
        { failureReason: placementInterrupted },
        (tx, current) => this.deps.events.failed(tx, current, placementInterrupted),
      );
      if (changed) failed++;
    }
    return failed;
  }

  /**
   * The sweeper: retries holds that a down service kept from settling. Only changes older than a
   * few seconds: the request that made a change settles its holds itself, and the sweeper should
   * not race it.
   */
  async settleOutstanding(em: EntityManager, now = new Date()): Promise<number> {
    const before = new Date(now.getTime() - 10_000);
    const open = await em.fork().find(
      Order,
      {
        holdsSettled: false,
        $or: [
          { status: 'PAID', paidAt: { $lt: before } },
          { status: { $in: ['FAILED', 'CANCELLED'] }, closedAt: { $lt: before } },
        ],
      },
      { limit: 100 },
    );
    let settled = 0;
    for (const order of open) if (await this.settleHolds(em, order)) settled++;
    return settled;
  }

  /**
   * Settles what the order holds. A paid order whose stock product could not commit (its
   * reservation lapsed while product was out of reach, and the units were sold) is cancelled and
   * refunded in full; if the refund fails now, the order stays unsettled and the sweeper tries again.
   */
  private async settleHolds(em: EntityManager, order: Order): Promise<boolean> {
    const outcome = await this.deps.holds.settle(em, order);
    if (outcome !== 'short') return outcome === 'settled';
    this.deps.logger.error(
      { orderId: order.id },
      'a paid order lost its stock before it was committed; cancelling and refunding it',
    );
    return (await this.cancel(em, order.id, 'OUT_OF_STOCK')).kind === 'cancelled';
  }

  private async close(
    em: EntityManager,
    orderId: string,
    from: OrderStatus[],
    reason: CancelReason,
    refundedAmount: number,
  ): Promise<Order | undefined> {
    return this.transition(
      em,
      orderId,
      from,
      'CANCELLED',
      { cancelReason: reason, refundedAmount },
      (tx, order) =>
        this.deps.events.cancelled(tx, order, {
          reason,
          wasPaid: order.paidAt !== null && order.paidAt !== undefined,
          refundedAmount,
        }),
    );
  }

  /** One conditional status change with its event; then the holds settle. Undefined if it lost. */
  private async transition(
    em: EntityManager,
    orderId: string,
    from: OrderStatus[],
    to: 'FAILED' | 'CANCELLED',
    fields: Partial<Pick<Order, 'failureReason' | 'cancelReason' | 'refundedAmount'>>,
    event: (tx: EntityManager, order: Order) => void,
  ): Promise<Order | undefined> {
    const won = await this.deps.outbox.transaction(em.fork(), async (tx) => {
      const changed = await tx.nativeUpdate(
        Order,
        { id: orderId, status: { $in: from } },
        { status: to, ...fields, holdsSettled: false, closedAt: new Date() },
      );
      if (changed !== 1) return false;
      event(tx, await tx.findOneOrFail(Order, { id: orderId }, { refresh: true }));
      return true;
    });
    if (!won) return undefined;
    const order = (await em.fork().findOne(Order, { id: orderId }))!;
    await this.settleHolds(em, order);
    return order;
  }
}
