import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { UniqueConstraintViolationException, type QueryResult } from '@mikro-orm/core';
import type { PaymentCancelRequest, PaymentCancelResult, RefundLine } from '@shop/contracts';
import type { Logger } from '@shop/kit';
import type { EntityManager } from '@shop/kit/db';
import type { Outbox } from '@shop/kit/events';
import { PaymentCancel } from '../domain/payment-cancel.entity.js';
import { Payment } from '../domain/payment.entity.js';
import type { PaymentGateway } from '../gateway/payment-gateway.js';
import type { PaymentEvents } from './payment-events.js';

export type RefundOutcome =
  | { kind: 'refunded'; result: PaymentCancelResult }
  | {
      kind: 'not-refundable';
      reason: 'NO_PAYMENT' | 'NOT_APPROVED' | 'EXCEEDS_REFUNDABLE' | 'NOTHING_LEFT';
    }
  | { kind: 'pg-failed'; message: string };

class ExceedsRefundable extends Error {}
/** Another request holds this idempotency key right now. */
class InFlight extends Error {}

/**
 * Full and partial refunds (order cancellation, returns). The amount is counted against the
 * payment by a conditional UPDATE before the PG is asked — refundable = paid − Σ refunds can never
 * go below zero however many refunds race — and handed back if the PG refuses. The idempotency key
 * is unique: a retry returns the first refund.
 */
export class PaymentRefunds {
  constructor(
    private readonly deps: {
      outbox: Outbox;
      events: PaymentEvents;
      gateway: PaymentGateway;
      logger: Logger;
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
    if (earlier?.status === 'REQUESTED') return this.afterInFlight(em, orderId, request);
    if (payment.status !== 'APPROVED' && payment.status !== 'PARTIALLY_CANCELLED')
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
        if (twin) return this.afterInFlight(em, orderId, request);
        return { kind: 'not-refundable', reason: 'EXCEEDS_REFUNDABLE' };
      }
      // The same key at the same moment: the other request is refunding it.
      if (error instanceof InFlight || error instanceof UniqueConstraintViolationException)
        return this.afterInFlight(em, orderId, request);
      throw error;
    }
    try {
      const pg = await this.deps.gateway.cancel(
        payment.paymentKey,
        { cancelReason: request.reason, cancelAmount: amount },
        request.idempotencyKey,
      );
      const transactionKey = pg.cancels?.at(-1)?.transactionKey ?? null;
      await this.complete(em, payment, cancel, transactionKey, request.lines);
    } catch (error) {
      this.deps.logger.warn(
        { err: error, orderId },
        'PG refused or missed a refund; amount handed back',
      );
      await this.handBack(em, payment.id, cancel);
      return { kind: 'pg-failed', message: error instanceof Error ? error.message : String(error) };
    }
    return { kind: 'refunded', result: await this.resultOf(em, payment.id) };
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
          { status: 'REQUESTED', amount },
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
      });
      tx.persist(cancel);
      return cancel;
    });
  }

  /** Waits for the request holding this key to finish, then answers as it did (or retries). */
  private async afterInFlight(
    em: EntityManager,
    orderId: string,
    request: PaymentCancelRequest,
  ): Promise<RefundOutcome> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const cancel = await em
        .fork()
        .findOne(PaymentCancel, { idempotencyKey: request.idempotencyKey });
      if (cancel && cancel.status !== 'REQUESTED') return this.refund(em, orderId, request);
      if (Date.now() > deadline)
        return { kind: 'pg-failed', message: 'the same refund is still in progress' };
      await sleep(50);
    }
  }

  private async complete(
    em: EntityManager,
    payment: Payment,
    cancel: PaymentCancel,
    transactionKey: string | null,
    lines: RefundLine[],
  ) {
    await this.deps.outbox.transaction(em.fork(), async (tx) => {
      await tx.nativeUpdate(PaymentCancel, { id: cancel.id }, { status: 'DONE', transactionKey });
      const current = await tx.findOneOrFail(Payment, { id: payment.id }, { refresh: true });
      // Status follows the amounts counted so far (including refunds still at the PG).
      current.status =
        current.cancelledAmount >= current.amount ? 'CANCELLED' : 'PARTIALLY_CANCELLED';
      this.deps.events.cancelled(tx, current, cancel, {
        refundableAmount: current.amount - current.cancelledAmount,
        lines,
      });
    });
  }

  private async handBack(em: EntityManager, paymentId: string, cancel: PaymentCancel) {
    await em.fork().transactional(async (tx) => {
      await tx.nativeUpdate(PaymentCancel, { id: cancel.id }, { status: 'FAILED' });
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
