import type { OrderStatus } from '@shop/contracts';
import type { Logger } from '@shop/kit';
import { SingleFlight } from '@shop/kit/cache';
import { crashPoint } from '@shop/kit/ops';
import type { EntityManager } from '@shop/kit/db';
import type { Outbox } from '@shop/kit/events';
import { OrderLine } from '../domain/order-line.entity.js';
import { Order, type CancelReason } from '../domain/order.entity.js';
import { canTransition, sourcesOf, type OrderCause } from '../domain/order-transitions.js';
import type { OrderEvents } from './order-events.js';
import type { OrderHolds } from './order-holds.js';
import { cancellationRefundReason, type PaymentClient } from './payment-client.js';

/** Paid and not cancelled: what a paid order's holds settle as (committed). */
const paidAndKept: OrderStatus[] = [
  'PAID',
  'PREPARING',
  'SHIPPED',
  'DELIVERED',
  'COMPLETED',
  'PARTIALLY_RETURNED',
  'RETURNED',
];

export type PaidOutcome =
  | { kind: 'paid'; order: Order }
  /** `paidBy`: the payment that did pay it, if any (then cancelled, or another payment). */
  | { kind: 'not-payable'; status: OrderStatus; paidBy: string | null }
  | { kind: 'not-found' };

/** `cancelled`: closed, or CANCELLING while its refund is made. */
export type CancelOutcome =
  | { kind: 'cancelled'; order: Order }
  | { kind: 'not-cancellable'; status: OrderStatus }
  | { kind: 'not-found' };

const cancelCauseOf = (by: Exclude<CancelReason, 'EXPIRED'>): OrderCause =>
  by === 'OUT_OF_STOCK' ? 'stockShort' : 'cancelOrder';

const placementInterrupted = 'PLACEMENT_INTERRUPTED';

/**
 * The order's status changes after it was placed, each a move of the order process made by the
 * order itself (a conditional update from the status it was read in), so of two racing changes (a
 * payment arriving as the order expires) one wins and the other learns the order moved on. The
 * event commits with the change; the holds follow.
 */
export class OrderLifecycle {
  /**
   * A payment is announced twice, at the same moment: payment's call to `/paid` and its
   * PaymentApproved event. When both reach this process while the first is under way, the second
   * takes the first's outcome instead of losing the same race in the database (five statements).
   */
  private readonly payments = new SingleFlight();

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
  markPaid(em: EntityManager, orderId: string, paymentId: string): Promise<PaidOutcome> {
    return this.payments.run(`${orderId}:${paymentId}`, () => this.pay(em, orderId, paymentId));
  }

  private async pay(em: EntityManager, orderId: string, paymentId: string): Promise<PaidOutcome> {
    const order = await em.fork().findOne(Order, { id: orderId });
    if (!order) return { kind: 'not-found' };
    if (order.status === 'PAID' && order.paymentId === paymentId) return { kind: 'paid', order };
    const paidAt = new Date();
    const won =
      canTransition(order.status, 'PAID', 'PaymentApproved') &&
      (await this.deps.outbox.transaction(em.fork(), async (tx) => {
        const changed = await order.transitionTo(
          tx,
          'PAID',
          'PaymentApproved',
          { paymentId, paidAt, holdsSettled: false },
          { expiresAt: { $gt: paidAt } },
        );
        if (changed) await this.deps.events.paid(tx, order);
        return changed;
      }));
    if (!won) {
      const current = (await em.fork().findOne(Order, { id: orderId }))!;
      return current.status === 'PAID' && current.paymentId === paymentId
        ? { kind: 'paid', order: current }
        : { kind: 'not-payable', status: current.status, paidBy: current.paymentId ?? null };
    }
    // Won: the order as read shows the move (transitionTo), so it is not read again.
    await this.settleHolds(em, order);
    return { kind: 'paid', order };
  }

  /** The payment will not happen (declined, amount mismatch): PENDING → FAILED, holds given back. */
  async markPaymentFailed(
    em: EntityManager,
    orderId: string,
    reason: string,
  ): Promise<OrderStatus | undefined> {
    const order = await em.fork().findOne(Order, { id: orderId });
    if (!order || !canTransition(order.status, 'FAILED', 'paymentFailed')) return order?.status;
    const failed = await this.transition(
      em,
      order,
      'FAILED',
      'paymentFailed',
      { failureReason: reason.slice(0, 200) },
      (tx, current) => this.deps.events.failed(tx, current, reason),
    );
    return failed?.status ?? (await em.fork().findOne(Order, { id: orderId }))?.status;
  }

  /**
   * By the customer or an admin (or the sweeper, for a paid order short of stock): an unpaid order
   * just closes. A paid one is claimed first (PAID → CANCELLING), so delivery can no longer take it
   * for shipping, then refunded and closed; a refund that cannot be made now leaves it CANCELLING,
   * for the sweeper to finish — or for the next time it is asked, which tries the refund again
   * (under the same idempotency key, so it is made once).
   */
  async cancel(
    em: EntityManager,
    orderId: string,
    by: Exclude<CancelReason, 'EXPIRED'>,
  ): Promise<CancelOutcome> {
    const order = await em.fork().findOne(Order, { id: orderId });
    if (!order) return { kind: 'not-found' };
    const cause = cancelCauseOf(by);
    if (canTransition(order.status, 'CANCELLED', cause)) {
      const closed = await this.close(em, order, cause, by, 0);
      if (closed) return { kind: 'cancelled', order: closed };
    } else if (
      canTransition(order.status, 'CANCELLING', cause) &&
      (await order.transitionTo(em.fork(), 'CANCELLING', cause, {
        cancelReason: by,
        updatedAt: new Date(),
      }))
    ) {
      crashPoint('order.cancel.claimed');
      return { kind: 'cancelled', order: await this.finishCancelling(em, order) };
    }
    const current = (await em.fork().findOne(Order, { id: orderId }))!;
    if (current.status === 'CANCELLING')
      return { kind: 'cancelled', order: await this.finishCancelling(em, current) };
    return current.status === 'CANCELLED'
      ? { kind: 'cancelled', order: current }
      : { kind: 'not-cancellable', status: current.status };
  }

  /**
   * The sweeper: cancellations claimed a while ago and not closed (their process died, or the
   * refund failed) are finished. The refund is idempotent per order, so one made before the crash
   * is not made again.
   */
  async finishInterruptedCancellations(em: EntityManager, now = new Date()): Promise<number> {
    const claimed = await em
      .fork()
      .find(
        Order,
        { status: 'CANCELLING', updatedAt: { $lt: new Date(now.getTime() - 10_000) } },
        { limit: 100 },
      );
    let finished = 0;
    for (const order of claimed)
      if ((await this.finishCancelling(em, order)).status === 'CANCELLED') finished++;
    return finished;
  }

  /** A claimed cancellation: everything paid back (each line all it cost), then closed. */
  private async finishCancelling(em: EntityManager, order: Order): Promise<Order> {
    const by = order.cancelReason as Exclude<CancelReason, 'EXPIRED'>;
    const lines = (await em.fork().find(OrderLine, { orderId: order.id })).map((line) => ({
      lineId: line.id,
      brandId: line.brandId ?? null,
      amount: line.paidAmount,
    }));
    try {
      const { cancelledAmount } = await this.deps.payment.refundAll(
        order.id,
        cancellationRefundReason(by),
        lines,
      );
      const closed = await this.close(em, order, 'cancellationRefunded', by, cancelledAmount);
      if (closed) return closed;
    } catch (error) {
      this.deps.logger.warn(
        { err: error, orderId: order.id },
        'cancellation refund not made yet; the order stays CANCELLING for the sweeper',
      );
    }
    return (await em.fork().findOne(Order, { id: order.id }))!;
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
    if (order && canTransition(order.status, 'CANCELLED', 'PaymentCancelled'))
      await this.close(em, order, 'PaymentCancelled', by, order.totalAmount);
  }

  /** The sweeper: unpaid orders past their expiry are cancelled and give everything back. */
  async expireDue(em: EntityManager, now = new Date()): Promise<number> {
    const due = await em
      .fork()
      .find(
        Order,
        { status: { $in: sourcesOf('CANCELLED', 'expired') }, expiresAt: { $lte: now } },
        { limit: 200 },
      );
    let expired = 0;
    for (const order of due) if (await this.close(em, order, 'expired', 'EXPIRED', 0)) expired++;
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
    const stuck = await em.fork().find(
      Order,
      {
        status: { $in: sourcesOf('FAILED', 'placementTimedOut') },
        createdAt: { $lt: new Date(now.getTime() - timeoutMs) },
      },
      { limit: 200 },
    );
    let failed = 0;
    for (const order of stuck) {
      const changed = await this.transition(
        em,
        order,
        'FAILED',
        'placementTimedOut',
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
   * not race it. A paid order counts whatever it went on to (shipped, delivered, returned): its
   * stock reservation lapses unless committed, however far the parcel got meanwhile.
   */
  async settleOutstanding(em: EntityManager, now = new Date()): Promise<number> {
    const before = new Date(now.getTime() - 10_000);
    const open = await em.fork().find(
      Order,
      {
        holdsSettled: false,
        $or: [
          { status: { $in: paidAndKept }, paidAt: { $lt: before } },
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
    order: Order,
    cause: OrderCause,
    reason: CancelReason,
    refundedAmount: number,
  ): Promise<Order | undefined> {
    return this.transition(
      em,
      order,
      'CANCELLED',
      cause,
      { cancelReason: reason, refundedAmount },
      (tx, current) =>
        this.deps.events.cancelled(tx, current, {
          reason,
          wasPaid: current.paidAt !== null && current.paidAt !== undefined,
          refundedAmount,
        }),
    );
  }

  /**
   * The order, as read, closes (FAILED or CANCELLED) with its event; then the holds settle.
   * Undefined if it lost to a change made since it was read. A loser that finds the order closed
   * by the winner (a sweeper, a refund's PaymentCancelled) settles it too before it answers: the
   * winner may still be giving back what it held, and settling is idempotent.
   */
  private async transition(
    em: EntityManager,
    order: Order,
    to: 'FAILED' | 'CANCELLED',
    cause: OrderCause,
    fields: Partial<Pick<Order, 'failureReason' | 'cancelReason' | 'refundedAmount'>>,
    event: (tx: EntityManager, order: Order) => void,
  ): Promise<Order | undefined> {
    const won = await this.deps.outbox.transaction(em.fork(), async (tx) => {
      const changed = await order.transitionTo(tx, to, cause, {
        ...fields,
        holdsSettled: false,
        closedAt: new Date(),
      });
      if (!changed) return false;
      event(tx, await tx.findOneOrFail(Order, { id: order.id }, { refresh: true }));
      return true;
    });
    const current = (await em.fork().findOne(Order, { id: order.id }))!;
    const closed = current.status === 'FAILED' || current.status === 'CANCELLED';
    if (won || (closed && !current.holdsSettled)) await this.settleHolds(em, current);
    return won ? current : undefined;
  }
}
