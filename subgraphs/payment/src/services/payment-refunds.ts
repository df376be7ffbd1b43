import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { UniqueConstraintViolationException, type QueryResult } from '@mikro-orm/core';
import type { PaymentCancelRequest, PaymentCancelResult } from '@shop/contracts';
import type { Logger } from '@shop/kit';
import type { EntityManager } from '@shop/kit/db';
import type { Outbox } from '@shop/kit/events';
import { crashPoint } from '@shop/kit/ops';
import { PaymentCancel } from '../domain/payment-cancel.entity.js';
import { Payment } from '../domain/payment.entity.js';
import {
  PgRefused,
  PgUnavailable,
  type PaymentGateway,
  type PgPayment,
} from '../gateway/payment-gateway.js';
import type { PaymentEvents } from './payment-events.js';

export type RefundOutcome =
  | { kind: 'refunded'; result: PaymentCancelResult }
  | {
      kind: 'not-refundable';
      reason: 'NO_PAYMENT' | 'NOT_APPROVED' | 'EXCEEDS_REFUNDABLE' | 'NOTHING_LEFT';
    }
  | { kind: 'pg-failed'; message: string }
  | { kind: 'in-progress' };

class ExceedsRefundable extends Error {}
/** Another request holds this idempotency key right now. */
class InFlight extends Error {}

/** How a refund's PG call ended: applied, refused (given back), or unknown (left to recovery). */
type PgCancelEnd = 'done' | 'refused' | 'unknown';

/**
 * Full and partial refunds (order cancellation, returns) and voids (a charge that never paid an
 * order), all through one path that writes a row and, once the PG has applied it, its event. The
 * amount is counted against the payment by a conditional UPDATE before the PG is asked —
 * refundable = paid − Σ refunds can never go below zero however many refunds race — and handed
 * back only if the PG refuses. A PG that does not answer leaves the row REQUESTED: recovery (or
 * the next request with the key) asks again with the same idempotency key, so the PG applies it
 * once, and finishes it. The idempotency key is unique: a retry returns the first refund.
 */
export class PaymentRefunds {
  constructor(
    private readonly deps: {
      outbox: Outbox;
      events: PaymentEvents;
      gateway: PaymentGateway;
      logger: Logger;
      /** A REQUESTED row untouched this long was left by a process that died: take it over. */
      staleAfterMs: number;
      /** The first pause before asking a PG that did not answer again (then doubled). */
      pgRetryDelayMs?: number;
    },
  ) {}

  async refund(
    em: EntityManager,
    orderId: string,
    request: PaymentCancelRequest,
  ): Promise<RefundOutcome> {
    const payment = await em.fork().findOne(Payment, { orderId });
    if (!payment) return { kind: 'not-refundable', reason: 'NO_PAYMENT' };
    const earlier = await em
      .fork()
      .findOne(PaymentCancel, { idempotencyKey: request.idempotencyKey });
    if (earlier?.status === 'DONE')
      return { kind: 'refunded', result: await this.resultOf(em, payment.id) };
    if (earlier?.status === 'REQUESTED') return this.afterInFlight(em, orderId, request, earlier);
    // A void takes back a charge whatever became of the payment row; a refund needs an approval.
    if (!request.void && payment.status !== 'APPROVED' && payment.status !== 'PARTIALLY_CANCELLED')
      return {
        kind: 'not-refundable',
        reason: payment.status === 'CANCELLED' ? 'NOTHING_LEFT' : 'NOT_APPROVED',
      };
    const amount = request.amount ?? payment.amount - payment.cancelledAmount;
    if (amount <= 0) return { kind: 'not-refundable', reason: 'NOTHING_LEFT' };

    let cancel: PaymentCancel;
    try {
      cancel = await this.reserve(em, payment, amount, request, earlier);
    } catch (error) {
      if (error instanceof ExceedsRefundable) {
        // A twin request with this key may have counted the amount first: then it is in flight.
        const twin = await em
          .fork()
          .findOne(PaymentCancel, { idempotencyKey: request.idempotencyKey });
        if (twin) return this.afterInFlight(em, orderId, request, twin);
        return { kind: 'not-refundable', reason: 'EXCEEDS_REFUNDABLE' };
      }
      // The same key at the same moment: the other request is refunding it.
      if (error instanceof InFlight || error instanceof UniqueConstraintViolationException)
        return this.afterInFlight(em, orderId, request, earlier);
      throw error;
    }
    crashPoint('payment.refund.counted');
    return this.answer(em, payment, await this.cancelAtPg(em, payment, cancel));
  }

  /**
   * Recovery: REQUESTED refunds nobody has touched for `staleAfterMs` (their process died, or the
   * PG did not answer) are asked of the PG again under their own key and finished.
   */
  async resumeStale(em: EntityManager, now = new Date()): Promise<number> {
    const stale = await em
      .fork()
      .find(
        PaymentCancel,
        { status: 'REQUESTED', updatedAt: { $lt: this.staleBefore(now) } },
        { limit: 100, orderBy: { updatedAt: 'asc' } },
      );
    let finished = 0;
    for (const cancel of stale) {
      if (!(await this.takeOver(em, cancel))) continue;
      const payment = await em.fork().findOneOrFail(Payment, { id: cancel.paymentId });
      if ((await this.cancelAtPg(em, payment, cancel)) !== 'unknown') finished++;
    }
    return finished;
  }

  /** Counts the refund against the payment, or refuses it, in one transaction with its row. */
  private reserve(
    em: EntityManager,
    payment: Payment,
    amount: number,
    request: PaymentCancelRequest,
    earlier: PaymentCancel | null,
  ): Promise<PaymentCancel> {
    return em.fork().transactional(async (tx) => {
      // A failed earlier attempt with this key is tried again under the same key, by one request.
      if (earlier) {
        const claimed = await tx.nativeUpdate(
          PaymentCancel,
          { id: earlier.id, status: 'FAILED' },
          { status: 'REQUESTED', amount, updatedAt: new Date() },
        );
        if (claimed !== 1) throw new InFlight();
      }
      const counted = await tx
        .getConnection()
        .execute<QueryResult>(
          'update payment set cancelled_amount = cancelled_amount + ? where id = ? and cancelled_amount + ? <= amount',
          [amount, payment.id, amount],
          'run',
          tx.getTransactionContext(),
        );
      if (counted.affectedRows !== 1) throw new ExceedsRefundable();
      if (earlier) return tx.findOneOrFail(PaymentCancel, { id: earlier.id }, { refresh: true });
      const cancel = tx.create(PaymentCancel, {
        id: randomUUID(),
        paymentId: payment.id,
        amount,
        reason: request.reason,
        idempotencyKey: request.idempotencyKey,
        lines: request.lines,
        void: request.void,
      });
      tx.persist(cancel);
      return cancel;
    });
  }

  /** Asks the PG under the row's key, then finishes the row as the PG's answer says. */
  private async cancelAtPg(
    em: EntityManager,
    payment: Payment,
    cancel: PaymentCancel,
  ): Promise<PgCancelEnd> {
    try {
      const pg = await this.askPg(payment, cancel);
      crashPoint('payment.refund.sent');
      const transactionKey = pg.cancels?.at(-1)?.transactionKey ?? null;
      await this.complete(em, payment, cancel, transactionKey);
      return 'done';
    } catch (error) {
      if (error instanceof PgRefused) {
        this.deps.logger.warn({ err: error, orderId: payment.orderId }, 'PG refused a refund');
        await this.handBack(em, payment.id, cancel);
        return 'refused';
      }
      // No answer: the PG may have applied it. The row stays REQUESTED for recovery to ask again.
      this.deps.logger.warn(
        { err: error, orderId: payment.orderId },
        'PG did not answer a refund; recovery will ask again with the same key',
      );
      return 'unknown';
    }
  }

  /** The PG's cancel under the row's key; a slow answer is asked for again (the key makes it once). */
  private async askPg(payment: Payment, cancel: PaymentCancel): Promise<PgPayment> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.deps.gateway.cancel(
          payment.paymentKey,
          { cancelReason: cancel.reason, cancelAmount: cancel.amount },
          cancel.idempotencyKey,
        );
      } catch (error) {
        if (!(error instanceof PgUnavailable) || attempt >= 2) throw error;
        await sleep((this.deps.pgRetryDelayMs ?? 200) * 2 ** attempt);
      }
    }
  }

  private async answer(
    em: EntityManager,
    payment: Payment,
    end: PgCancelEnd,
  ): Promise<RefundOutcome> {
    if (end === 'done') return { kind: 'refunded', result: await this.resultOf(em, payment.id) };
    if (end === 'refused') return { kind: 'pg-failed', message: 'The PG refused the refund.' };
    return { kind: 'in-progress' };
  }

  /**
   * Another request holds this key: wait for it to finish and answer as it did. A row left
   * behind (untouched past `staleAfterMs`) is taken over and finished here instead.
   */
  private async afterInFlight(
    em: EntityManager,
    orderId: string,
    request: PaymentCancelRequest,
    seen: PaymentCancel | null,
  ): Promise<RefundOutcome> {
    // Not longer than a caller waits for an answer; it asks again with the key.
    const deadline = Date.now() + Math.min(this.deps.staleAfterMs, 10_000);
    for (let cancel = seen; ;) {
      if (cancel && cancel.status !== 'REQUESTED') return this.refund(em, orderId, request);
      if (
        cancel &&
        cancel.updatedAt < this.staleBefore(new Date()) &&
        (await this.takeOver(em, cancel))
      ) {
        const payment = await em.fork().findOneOrFail(Payment, { id: cancel.paymentId });
        return this.answer(em, payment, await this.cancelAtPg(em, payment, cancel));
      }
      if (Date.now() > deadline) return { kind: 'in-progress' };
      await sleep(50);
      cancel = await em.fork().findOne(PaymentCancel, { idempotencyKey: request.idempotencyKey });
    }
  }

  /** One worker wins a left-behind row: the touch only applies to the version it read. */
  private async takeOver(em: EntityManager, cancel: PaymentCancel): Promise<boolean> {
    const won = await em
      .fork()
      .nativeUpdate(
        PaymentCancel,
        { id: cancel.id, status: 'REQUESTED', updatedAt: cancel.updatedAt },
        { updatedAt: new Date() },
      );
    if (won === 1)
      this.deps.logger.warn({ cancelId: cancel.id }, 'taking over a refund left in progress');
    return won === 1;
  }

  private staleBefore(now: Date): Date {
    return new Date(now.getTime() - this.deps.staleAfterMs);
  }

  private async complete(
    em: EntityManager,
    payment: Payment,
    cancel: PaymentCancel,
    transactionKey: string | null,
  ) {
    await this.deps.outbox.transaction(em.fork(), async (tx) => {
      const finished = await tx.nativeUpdate(
        PaymentCancel,
        { id: cancel.id, status: 'REQUESTED' },
        { status: 'DONE', transactionKey },
      );
      // Someone else finished it first (a takeover racing a slow original): one event only.
      if (finished !== 1) return;
      const current = await tx.findOneOrFail(Payment, { id: payment.id }, { refresh: true });
      // Status follows the amounts counted so far (including refunds still at the PG).
      current.status =
        current.cancelledAmount >= current.amount ? 'CANCELLED' : 'PARTIALLY_CANCELLED';
      this.deps.events.cancelled(tx, current, cancel, {
        refundableAmount: current.amount - current.cancelledAmount,
      });
    });
  }

  private async handBack(em: EntityManager, paymentId: string, cancel: PaymentCancel) {
    await em.fork().transactional(async (tx) => {
      const failed = await tx.nativeUpdate(
        PaymentCancel,
        { id: cancel.id, status: 'REQUESTED' },
        { status: 'FAILED' },
      );
      if (failed !== 1) return;
      await tx
        .getConnection()
        .execute(
          'update payment set cancelled_amount = cancelled_amount - ? where id = ?',
          [cancel.amount, paymentId],
          'run',
          tx.getTransactionContext(),
        );
    });
  }

  private async resultOf(em: EntityManager, paymentId: string): Promise<PaymentCancelResult> {
    const payment = await em.fork().findOneOrFail(Payment, { id: paymentId });
    const refunded = await em.fork().find(PaymentCancel, { paymentId, status: 'DONE' });
    const cancelledAmount = refunded.reduce((sum, cancel) => sum + cancel.amount, 0);
    return {
      paymentId,
      cancelledAmount,
      refundableAmount: payment.amount - cancelledAmount,
      status:
        cancelledAmount === 0
          ? 'APPROVED'
          : cancelledAmount >= payment.amount
            ? 'CANCELLED'
            : 'PARTIALLY_CANCELLED',
    };
  }
}
