import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Logger } from '@shop/kit';
import type { EntityManager } from '@shop/kit/db';
import type { Outbox } from '@shop/kit/events';
import { Payment } from '../domain/payment.entity.js';
import {
  PgRefused,
  PgUnavailable,
  type PaymentGateway,
  type PgPayment,
} from '../gateway/payment-gateway.js';
import type { OrderClient } from './order-client.js';
import type { PaymentEvents } from './payment-events.js';

export type ConfirmOutcome =
  | { kind: 'approved'; payment: Payment }
  | { kind: 'failed'; code: string; message: string; payment: Payment | null };

export interface ConfirmRequest {
  orderId: string;
  paymentKey: string;
  amount: number;
}

class PaymentRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * confirmPayment (DESIGN §4 step 3). The payment row, unique per order, is claimed before the PG
 * is asked, so of many concurrent confirmations one talks to the PG and the others wait for its
 * answer. The PG confirmation carries the payment id as its idempotency key; a timeout is settled
 * by asking the PG for the payment, never by guessing. Whatever the PG approved but we cannot
 * keep (wrong amount, order expired meanwhile) is cancelled at the PG.
 */
export class ConfirmPayment {
  constructor(
    private readonly deps: {
      outbox: Outbox;
      events: PaymentEvents;
      gateway: PaymentGateway;
      orders: OrderClient;
      logger: Logger;
      waitMs: number;
    },
  ) {}

  async confirm(
    em: EntityManager,
    userId: string,
    request: ConfirmRequest,
  ): Promise<ConfirmOutcome> {
    const order = await this.deps.orders.find(request.orderId);
    // Someone else's order is answered like a missing one: nothing about it leaks.
    if (!order || order.userId !== userId)
      return { kind: 'failed', code: 'ORDER_NOT_FOUND', message: 'No such order.', payment: null };

    const claimed = await this.claim(em, userId, request, order.totalAmount);
    if (!claimed) return this.outcomeOf(await this.awaitSettled(em, request.orderId));
    try {
      if (order.status !== 'PENDING')
        throw new PaymentRefused('ORDER_NOT_PAYABLE', `The order is ${order.status}.`);
      if (request.amount !== order.totalAmount)
        throw new PaymentRefused(
          'AMOUNT_MISMATCH',
          `The amount ${request.amount} is not the order's ${order.totalAmount}.`,
        );
      const pgPayment = await this.confirmAtPg(claimed, request);
      if (pgPayment.status !== 'DONE' || pgPayment.totalAmount !== order.totalAmount) {
        await this.cancelAtPg(claimed, 'approved amount does not match the order');
        throw new PaymentRefused(
          'AMOUNT_MISMATCH',
          'The PG approved a different amount; it was cancelled.',
        );
      }
      const approved = await this.approve(em, claimed, pgPayment);
      if (await this.deps.orders.markPaid(request.orderId, approved.id))
        return { kind: 'approved', payment: approved };
      // The order expired or was cancelled while the PG was charging: give the money back.
      await this.cancelAtPg(approved, 'order no longer payable');
      await em
        .fork()
        .nativeUpdate(
          Payment,
          { id: approved.id },
          { status: 'CANCELLED', cancelledAmount: approved.amount },
        );
      return this.failed(
        em,
        approved.id,
        'ORDER_NOT_PAYABLE',
        'The order expired before the payment completed; it was refunded.',
      );
    } catch (error) {
      if (!(error instanceof PaymentRefused)) throw error;
      if (error.code === 'AMOUNT_MISMATCH' || error.code.startsWith('PG_'))
        await this.deps.orders.markPaymentFailed(request.orderId, error.code);
      // The customer's authorisation at the PG is not charged until confirmed; release it anyway.
      if (error.code === 'AMOUNT_MISMATCH')
        await this.cancelAtPg(claimed, 'amount mismatch').catch(() => {});
      return this.failed(em, claimed.id, error.code, error.message);
    }
  }

  private async claim(
    em: EntityManager,
    userId: string,
    request: ConfirmRequest,
    amount: number,
  ): Promise<Payment | null> {
    const fork = em.fork();
    const payment = fork.create(Payment, {
      id: randomUUID(),
      orderId: request.orderId,
      userId,
      paymentKey: request.paymentKey,
      amount,
    });
    try {
      await fork.persist(payment).flush();
      return payment;
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) return null;
      throw error;
    }
  }

  /** Asks the PG to confirm; on no answer, asks what became of the payment. */
  private async confirmAtPg(payment: Payment, request: ConfirmRequest): Promise<PgPayment> {
    const { gateway, logger } = this.deps;
    try {
      return await gateway.confirm(
        { paymentKey: request.paymentKey, orderId: request.orderId, amount: request.amount },
        payment.id,
      );
    } catch (error) {
      if (error instanceof PgRefused) throw new PaymentRefused(`PG_${error.code}`, error.message);
      if (!(error instanceof PgUnavailable)) throw error;
      logger.warn(
        { err: error, orderId: payment.orderId },
        'PG confirmation timed out; asking the PG',
      );
    }
    const known = await this.findAtPg(request.paymentKey);
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

  private async cancelAtPg(payment: Payment, reason: string): Promise<void> {
    await this.deps.gateway.cancel(
      payment.paymentKey,
      { cancelReason: reason },
      `void-${payment.id}`,
    );
  }

  private async approve(
    em: EntityManager,
    payment: Payment,
    pgPayment: PgPayment,
  ): Promise<Payment> {
    return this.deps.outbox.transaction(em.fork(), async (tx) => {
      const approvedAt = pgPayment.approvedAt ? new Date(pgPayment.approvedAt) : new Date();
      await tx.nativeUpdate(
        Payment,
        { id: payment.id, status: 'READY' },
        { status: 'APPROVED', approvedAt, method: pgPayment.method },
      );
      const approved = await tx.findOneOrFail(Payment, { id: payment.id }, { refresh: true });
      this.deps.events.approved(tx, approved);
      return approved;
    });
  }

  private async failed(
    em: EntityManager,
    paymentId: string,
    code: string,
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

  /** Another confirmation holds the claim: wait for its answer rather than asking the PG twice. */
  private async awaitSettled(em: EntityManager, orderId: string): Promise<Payment> {
    const deadline = Date.now() + this.deps.waitMs;
    for (;;) {
      const payment = await em.fork().findOneOrFail(Payment, { orderId });
      if (payment.status !== 'READY' || Date.now() > deadline) return payment;
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
      code: payment.failureCode ?? 'FAILED',
      message: payment.failureMessage ?? 'The payment failed.',
      payment,
    };
  }
}
