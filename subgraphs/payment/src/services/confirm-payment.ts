import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Logger } from '@shop/kit';
import type { EntityManager } from '@shop/kit/db';
import type { Outbox } from '@shop/kit/events';
import { ServiceUnavailableError } from '@shop/kit/internal-http';
import { crashPoint } from '@shop/kit/ops';
import { isErrorCode, type ErrorCode } from '@shop/kit/server';
import { paymentVoidKey, type PayableOrder } from '@shop/contracts';
import { Payment } from '../domain/payment.entity.js';
import {
  PgRefused,
  PgUnavailable,
  type PaymentGateway,
  type PgPayment,
} from '../gateway/payment-gateway.js';
import { errorCodeOfPgRefusal } from '../gateway/pg-refusal-code.js';
import type { OrderClient } from './order-client.js';
import type { PaymentEvents } from './payment-events.js';
import type { PaymentRefunds } from './payment-refunds.js';

export type ConfirmOutcome =
  | { kind: 'approved'; payment: Payment }
  | { kind: 'failed'; code: ErrorCode; message: string; payment: Payment | null };

export interface ConfirmRequest {
  orderId: string;
  paymentKey: string;
  amount: number;
}

class PaymentRefused extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * confirmPayment (docs/architecture.md#checkout, step 3). The payment row, unique per order, is
 * claimed before the PG is asked, so of many concurrent confirmations one talks to the PG and the
 * others wait for its answer. The PG confirmation carries the payment id as its idempotency key; a
 * timeout is settled by asking the PG for the payment, never by guessing. Whatever the PG charged
 * but we cannot keep (wrong amount, order closed meanwhile) is voided through the refunds' one path
 * (a row and an event). A row left READY by a process that died is taken over — by the next
 * confirmation, or by recovery — and settled the same way, so no charge is left without an order or
 * a void.
 */
export class ConfirmPayment {
  constructor(
    private readonly deps: {
      outbox: Outbox;
      events: PaymentEvents;
      gateway: PaymentGateway;
      orders: OrderClient;
      refunds: PaymentRefunds;
      logger: Logger;
      waitMs: number;
      /** A READY row untouched this long was left behind: take it over. */
      staleAfterMs: number;
    },
  ) {}

  async confirm(
    em: EntityManager,
    userId: string,
    request: ConfirmRequest,
  ): Promise<ConfirmOutcome> {
    let order: PayableOrder | null;
    try {
      order = await this.deps.orders.find(request.orderId);
    } catch (error) {
      // Nothing was claimed or charged yet: the customer can simply try again.
      if (!(error instanceof ServiceUnavailableError)) throw error;
      return {
        kind: 'failed',
        code: 'ORDER_UNAVAILABLE',
        message: 'The order could not be checked just now; nothing was charged. Try again shortly.',
        payment: null,
      };
    }
    // Someone else's order is answered like a missing one: nothing about it leaks.
    if (!order || order.userId !== userId)
      return { kind: 'failed', code: 'ORDER_NOT_FOUND', message: 'No such order.', payment: null };

    const claimed = await this.claim(em, userId, request, order.totalAmount);
    if (claimed) return this.settle(em, claimed, order, request.amount, false);
    const left = await this.awaitSettled(em, request.orderId);
    if (left.status === 'READY' && (await this.takeOver(em, left)))
      return this.settle(em, left, order, left.amount, true);
    return this.outcomeOf(left);
  }

  /**
   * Tells order the payment went through; false if the order moved on (expired, cancelled). An
   * order that does not answer now learns it from PaymentApproved, committed with the approval, so
   * the customer hears that the payment went through, not an error for money already taken.
   */
  private async tellOrderPaid(payment: Payment): Promise<boolean> {
    try {
      return await this.deps.orders.markPaid(payment.orderId, payment.id);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableError)) throw error;
      this.deps.logger.warn(
        { err: error, orderId: payment.orderId, paymentId: payment.id },
        'order did not answer that it is paid; PaymentApproved tells it',
      );
      return true;
    }
  }

  /** Recovery: settles READY payments left behind, asking the PG under their own keys. */
  async resumeStale(em: EntityManager, now = new Date()): Promise<number> {
    const stale = await em
      .fork()
      .find(
        Payment,
        { status: 'READY', updatedAt: { $lt: this.staleBefore(now) } },
        { limit: 50, orderBy: { updatedAt: 'asc' } },
      );
    let settled = 0;
    for (const payment of stale) {
      if (!(await this.takeOver(em, payment))) continue;
      const order = await this.deps.orders.find(payment.orderId);
      if (!order) continue;
      await this.settle(em, payment, order, payment.amount, true);
      settled++;
    }
    return settled;
  }

  /**
   * Everything after the claim: the order must still be payable and the amount its own; the PG
   * confirms (the same key however often this runs); the payment is approved and the order told.
   * `resumed`: the row was left behind, so the PG may have charged already.
   */
  private async settle(
    em: EntityManager,
    payment: Payment,
    order: PayableOrder,
    amount: number,
    resumed: boolean,
  ): Promise<ConfirmOutcome> {
    try {
      if (order.status !== 'PENDING') {
        if (resumed) await this.voidIfCharged(em, payment, `order ${order.status.toLowerCase()}`);
        throw new PaymentRefused('ORDER_NOT_PAYABLE', `The order is ${order.status}.`);
      }
      if (amount !== order.totalAmount) {
        await this.releaseAuthorisation(payment);
        throw new PaymentRefused(
          'AMOUNT_MISMATCH',
          `The amount ${amount} is not the order's ${order.totalAmount}.`,
        );
      }
      const pgPayment = await this.confirmAtPg(payment);
      crashPoint('payment.confirm.charged');
      if (pgPayment.status !== 'DONE' || pgPayment.totalAmount !== order.totalAmount) {
        if (pgPayment.status === 'DONE')
          await this.void(em, payment, 'approved amount does not match the order');
        else await this.releaseAuthorisation(payment);
        throw new PaymentRefused(
          'AMOUNT_MISMATCH',
          'The PG approved a different amount; it was cancelled.',
        );
      }
      const approved = await this.approve(em, payment, pgPayment);
      crashPoint('payment.confirm.approved');
      if (await this.tellOrderPaid(approved)) return { kind: 'approved', payment: approved };
      // The order expired or was cancelled while the PG was charging: give the money back.
      await this.void(em, approved, 'order no longer payable');
      return this.failed(
        em,
        approved.id,
        'ORDER_NOT_PAYABLE',
        'The order expired before the payment completed; it was refunded.',
      );
    } catch (error) {
      if (!(error instanceof PaymentRefused)) throw error;
      if (error.code === 'AMOUNT_MISMATCH' || error.code.startsWith('PG_'))
        await this.deps.orders.markPaymentFailed(payment.orderId, error.code);
      return this.failed(em, payment.id, error.code, error.message);
    }
  }

  private async claim(
    em: EntityManager,
    userId: string,
    request: ConfirmRequest,
    amount: number,
  ): Promise<Payment | null> {
    const fork = em.fork();
    const payment = fork.create(
      Payment,
      {
        id: randomUUID(),
        orderId: request.orderId,
        userId,
        paymentKey: request.paymentKey,
        amount,
      },
      { persist: false },
    );
    try {
      // One row: a plain insert, without the unit of work's transaction around it.
      await fork.insert(payment);
      crashPoint('payment.confirm.claimed');
      return payment;
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) return null;
      throw error;
    }
  }

  /** One worker wins a left-behind row: the touch only applies to the version it read. */
  private async takeOver(em: EntityManager, payment: Payment): Promise<boolean> {
    if (payment.updatedAt >= this.staleBefore(new Date())) return false;
    const won = await em
      .fork()
      .nativeUpdate(
        Payment,
        { id: payment.id, status: 'READY', updatedAt: payment.updatedAt },
        { updatedAt: new Date() },
      );
    if (won === 1)
      this.deps.logger.warn(
        { orderId: payment.orderId, paymentId: payment.id },
        'taking over a payment confirmation left in progress',
      );
    return won === 1;
  }

  private staleBefore(now: Date): Date {
    return new Date(now.getTime() - this.deps.staleAfterMs);
  }

  /** Asks the PG to confirm; on no answer, asks what became of the payment. */
  private async confirmAtPg(payment: Payment): Promise<PgPayment> {
    const { gateway, logger } = this.deps;
    try {
      return await gateway.confirm(
        { paymentKey: payment.paymentKey, orderId: payment.orderId, amount: payment.amount },
        payment.id,
      );
    } catch (error) {
      if (error instanceof PgRefused)
        throw new PaymentRefused(
          errorCodeOfPgRefusal(error.code, logger, { orderId: payment.orderId }),
          error.message,
        );
      if (!(error instanceof PgUnavailable)) throw error;
      logger.warn(
        { err: error, orderId: payment.orderId },
        'PG confirmation timed out; asking the PG',
      );
    }
    const known = await this.findAtPg(payment.paymentKey);
    if (known?.status === 'DONE') return known;
    throw new PaymentRefused('PG_NOT_CONFIRMED', 'The PG did not confirm the payment.');
  }

  private async findAtPg(paymentKey: string): Promise<PgPayment | null> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.deps.gateway.find(paymentKey);
      } catch (error) {
        if (!(error instanceof PgUnavailable) || attempt >= 4) throw error;
        await sleep(200 * 2 ** attempt);
      }
    }
  }

  /** A confirmation that was left behind may have charged: if the PG says so, void it. */
  private async voidIfCharged(em: EntityManager, payment: Payment, reason: string): Promise<void> {
    const known = await this.findAtPg(payment.paymentKey);
    if (known?.status === 'DONE') await this.void(em, payment, reason);
  }

  /** Takes back a charge that paid no order: the refunds' path, so it has a row and an event. */
  private async void(em: EntityManager, payment: Payment, reason: string): Promise<void> {
    const outcome = await this.deps.refunds.refund(em, payment.orderId, {
      reason,
      lines: [],
      idempotencyKey: paymentVoidKey(payment.id),
      void: true,
    });
    if (outcome.kind !== 'refunded')
      this.deps.logger.error(
        { orderId: payment.orderId, paymentId: payment.id, outcome },
        'a charge that paid no order is not voided yet; recovery will finish it',
      );
  }

  /** An authorisation we will not confirm: released so the customer's card is not held. */
  private async releaseAuthorisation(payment: Payment): Promise<void> {
    await this.deps.gateway
      .cancel(payment.paymentKey, { cancelReason: 'amount mismatch' }, `release-${payment.id}`)
      .catch(() => {});
  }

  private async approve(
    em: EntityManager,
    payment: Payment,
    pgPayment: PgPayment,
  ): Promise<Payment> {
    return this.deps.outbox.transaction(em.fork(), async (tx) => {
      const approvedAt = pgPayment.approvedAt ? new Date(pgPayment.approvedAt) : new Date();
      const changed = await tx.nativeUpdate(
        Payment,
        { id: payment.id, status: 'READY' },
        { status: 'APPROVED', approvedAt, method: pgPayment.method },
      );
      // Approved once, announced once, however many workers got here; a worker that lost reads
      // what the winner wrote.
      if (changed !== 1) return tx.findOneOrFail(Payment, { id: payment.id }, { refresh: true });
      Object.assign(payment, { status: 'APPROVED', approvedAt, method: pgPayment.method });
      this.deps.events.approved(tx, payment);
      return payment;
    });
  }
  private async failed(
    em: EntityManager,
    paymentId: string,
    code: ErrorCode,
    message: string,
  ): Promise<ConfirmOutcome> {
    await em
      .fork()
      .nativeUpdate(
        Payment,
        { id: paymentId, status: 'READY' },
        { status: 'FAILED', failureCode: code, failureMessage: message.slice(0, 500) },
      );
    return {
      kind: 'failed',
      code,
      message,
      payment: await em.fork().findOne(Payment, { id: paymentId }),
    };
  }

  /**
   * Another confirmation holds the claim: wait for its answer rather than asking the PG twice —
   * unless it was left behind (untouched too long), which is for the caller to take over.
   */
  private async awaitSettled(em: EntityManager, orderId: string): Promise<Payment> {
    const deadline = Date.now() + this.deps.waitMs;
    for (;;) {
      const payment = await em.fork().findOneOrFail(Payment, { orderId });
      if (payment.status !== 'READY' || Date.now() > deadline) return payment;
      if (payment.updatedAt < this.staleBefore(new Date())) return payment;
      await sleep(50);
    }
  }

  private outcomeOf(payment: Payment): ConfirmOutcome {
    if (
      payment.status === 'APPROVED' ||
      payment.status === 'PARTIALLY_CANCELLED' ||
      payment.status === 'CANCELLED'
    )
      return { kind: 'approved', payment };
    if (payment.status === 'READY')
      return {
        kind: 'failed',
        code: 'IN_PROGRESS',
        message: 'The payment is still being confirmed.',
        payment,
      };
    return {
      kind: 'failed',
      code: this.failureCodeOf(payment),
      message: payment.failureMessage ?? 'The payment failed.',
      payment,
    };
  }

  /** A row failed before the PG's codes were mapped may hold one the schema does not name. */
  private failureCodeOf(payment: Payment): ErrorCode {
    const stored = payment.failureCode ?? '';
    if (isErrorCode(stored)) return stored;
    return errorCodeOfPgRefusal(stored.replace(/^PG_/, ''), this.deps.logger, {
      orderId: payment.orderId,
    });
  }
}
