import { randomBytes, randomUUID } from 'node:crypto';
import type { CardBehaviour } from './test-cards.js';

export type PaymentStatus = 'READY' | 'DONE' | 'CANCELED' | 'PARTIAL_CANCELED' | 'ABORTED';

export interface Cancel {
  transactionKey: string;
  cancelAmount: number;
  cancelReason: string;
  canceledAt: string;
  /** The PG's fee given back with this cancel (proportional, whole won). */
  feeRefund: number;
}

/** A payment as Toss Payments reports it (the fields a shop uses). */
export interface SandboxPayment {
  paymentKey: string;
  orderId: string;
  orderName: string;
  status: PaymentStatus;
  method: '카드';
  totalAmount: number;
  balanceAmount: number;
  requestedAt: string;
  approvedAt: string | null;
  cancels: Cancel[] | null;
  card: CardBehaviour;
  fee: number;
}

export class PgError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The PG's fee: 3.3 % of the amount, rounded to the won. */
export const feeOf = (amount: number) => Math.round((amount * 33) / 1000);

/**
 * The sandbox's books: authorised payments, confirmations and cancels, in memory. Every write is
 * synchronous inside one event-loop turn, so concurrent requests cannot interleave inside a check;
 * idempotency keys map to the first answer.
 */
export class PaymentBook {
  private readonly payments = new Map<string, SandboxPayment>();
  private readonly answers = new Map<string, SandboxPayment>();
  readonly stats = { authorisations: 0, confirmations: 0, cancels: 0 };

  authorize(input: {
    orderId: string;
    orderName: string;
    amount: number;
    card: CardBehaviour;
  }): SandboxPayment {
    const payment: SandboxPayment = {
      paymentKey: `tgen_${randomBytes(12).toString('hex')}`,
      orderId: input.orderId,
      orderName: input.orderName,
      status: 'READY',
      method: '카드',
      totalAmount: input.amount,
      balanceAmount: input.amount,
      requestedAt: new Date().toISOString(),
      approvedAt: null,
      cancels: null,
      card: input.card,
      fee: 0,
    };
    this.payments.set(payment.paymentKey, payment);
    this.stats.authorisations++;
    return payment;
  }

  find(paymentKey: string): SandboxPayment {
    const payment = this.payments.get(paymentKey);
    if (!payment) throw new PgError(404, 'NOT_FOUND_PAYMENT', 'no such payment');
    return payment;
  }

  findByOrder(orderId: string): SandboxPayment {
    const payment = [...this.payments.values()].find((candidate) => candidate.orderId === orderId);
    if (!payment) throw new PgError(404, 'NOT_FOUND_PAYMENT', 'no payment for this order');
    return payment;
  }

  confirm(
    input: { paymentKey: string; orderId: string; amount: number },
    idempotencyKey?: string,
  ): SandboxPayment {
    const remembered = idempotencyKey && this.answers.get(`confirm:${idempotencyKey}`);
    if (remembered) return remembered;
    const payment = this.find(input.paymentKey);
    if (payment.orderId !== input.orderId)
      throw new PgError(400, 'NOT_MATCHES_ORDER_ID', 'orderId does not match the payment');
    if (payment.totalAmount !== input.amount)
      throw new PgError(400, 'NOT_MATCHED_AMOUNT', 'amount does not match the authorised amount');
    if (payment.status === 'DONE') return payment;
    if (payment.status !== 'READY')
      throw new PgError(400, 'ALREADY_PROCESSED_PAYMENT', `the payment is ${payment.status}`);
    if (payment.card === 'DECLINED') {
      payment.status = 'ABORTED';
      throw new PgError(403, 'REJECT_CARD_PAYMENT', '카드사에서 결제를 거절했습니다.');
    }
    if (payment.card === 'INSUFFICIENT_FUNDS') {
      payment.status = 'ABORTED';
      throw new PgError(403, 'NOT_ENOUGH_BALANCE', '잔액이 부족합니다.');
    }
    payment.status = 'DONE';
    payment.approvedAt = new Date().toISOString();
    payment.fee = feeOf(payment.totalAmount);
    this.stats.confirmations++;
    if (idempotencyKey) this.answers.set(`confirm:${idempotencyKey}`, payment);
    return payment;
  }

  cancel(
    paymentKey: string,
    input: { cancelReason: string; cancelAmount?: number },
    idempotencyKey?: string,
  ): SandboxPayment {
    const remembered = idempotencyKey && this.answers.get(`cancel:${idempotencyKey}`);
    if (remembered) return remembered;
    const payment = this.find(paymentKey);
    if (payment.status === 'READY') {
      // An authorisation never confirmed: nothing was charged; it simply ends.
      payment.status = 'ABORTED';
      if (idempotencyKey) this.answers.set(`cancel:${idempotencyKey}`, payment);
      return payment;
    }
    if (payment.status !== 'DONE' && payment.status !== 'PARTIAL_CANCELED')
      throw new PgError(400, 'NOT_CANCELABLE_PAYMENT', `the payment is ${payment.status}`);
    const amount = input.cancelAmount ?? payment.balanceAmount;
    if (amount <= 0 || amount > payment.balanceAmount)
      throw new PgError(
        400,
        'NOT_CANCELABLE_AMOUNT',
        `at most ${payment.balanceAmount} can be cancelled`,
      );
    const feeRefunded = (payment.cancels ?? []).reduce((sum, cancel) => sum + cancel.feeRefund, 0);
    payment.balanceAmount -= amount;
    // The fee is refunded in proportion; the last cancel takes what is left, so it sums exactly.
    const feeRefund =
      payment.balanceAmount === 0
        ? payment.fee - feeRefunded
        : Math.round((payment.fee * amount) / payment.totalAmount);
    payment.cancels = [
      ...(payment.cancels ?? []),
      {
        transactionKey: randomUUID(),
        cancelAmount: amount,
        cancelReason: input.cancelReason,
        canceledAt: new Date().toISOString(),
        feeRefund,
      },
    ];
    payment.status = payment.balanceAmount === 0 ? 'CANCELED' : 'PARTIAL_CANCELED';
    this.stats.cancels++;
    if (idempotencyKey) this.answers.set(`cancel:${idempotencyKey}`, structuredClone(payment));
    return payment;
  }

  all(): SandboxPayment[] {
    return [...this.payments.values()];
  }
}
