import { randomBytes } from 'node:crypto';
import { PgError, type Refusal } from './pg-error.js';
import { cardBehaviours, type TestCard } from './test-cards.js';

/**
 * The statuses of Toss Payments a card payment reaches here. READY (created, not yet
 * authenticated) is never seen: the checkout page creates and authenticates in one step.
 */
export type PaymentStatus =
  'IN_PROGRESS' | 'DONE' | 'PARTIAL_CANCELED' | 'CANCELED' | 'ABORTED' | 'EXPIRED';

export interface PaymentCancel {
  transactionKey: string;
  cancelAmount: number;
  cancelReason: string;
  canceledAt: Date;
  /** What is left to cancel after this one. */
  refundableAmount: number;
}

export interface Payment {
  paymentKey: string;
  orderId: string;
  orderName: string;
  card: TestCard;
  status: PaymentStatus;
  totalAmount: number;
  balanceAmount: number;
  requestedAt: Date;
  approvedAt: Date | null;
  /** The approval's transaction key: the settlement report's key for the sale. */
  approvalTransactionKey: string | null;
  lastTransactionKey: string | null;
  cancels: PaymentCancel[];
  /** The refusal its confirmation got, answered again to a repeated confirmation. */
  refusal: Refusal | null;
}

export interface Authorization {
  orderId: string;
  orderName: string;
  amount: number;
  card: TestCard;
}

export interface Confirmation {
  paymentKey: string;
  orderId: string;
  amount: number;
}

export interface CancelRequest {
  cancelReason: string;
  /** Absent: everything still charged. */
  cancelAmount?: number;
}

const transactionKey = () => randomBytes(16).toString('hex').toUpperCase();
const won = (amount: number) => `${amount.toLocaleString('ko-KR')}원`;

/**
 * The sandbox's books: authorised payments, their confirmations and cancels, in memory.
 *
 * Every method checks and writes synchronously, so requests that arrive together are still
 * applied one after another: two confirmations cannot both find the payment unconfirmed, and two
 * cancels cannot both find the same balance.
 */
export class PaymentBook {
  private readonly payments = new Map<string, Payment>();
  private readonly paymentsByOrder = new Map<string, Payment[]>();
  readonly stats = { authorizations: 0, confirmations: 0, cancels: 0 };

  /**
   * @param authorizationTtlMs how long an authorisation waits for its confirmation.
   * @param now the sandbox's clock, in milliseconds.
   */
  constructor(
    private readonly authorizationTtlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** What the checkout page does when the customer pays: an authorised, unconfirmed payment. */
  authorize(authorization: Authorization): Payment {
    const refusal = cardBehaviours[authorization.card].refusedAtCheckout;
    if (refusal) throw new PgError(refusal);
    if (this.approvedPaymentOf(authorization.orderId))
      throw new PgError({
        status: 400,
        code: 'DUPLICATED_ORDER_ID',
        message: '이미 승인 및 취소가 진행된 중복된 주문번호입니다.',
      });
    const payment: Payment = {
      paymentKey: `tgen_${randomBytes(16).toString('hex')}`,
      orderId: authorization.orderId,
      orderName: authorization.orderName,
      card: authorization.card,
      status: 'IN_PROGRESS',
      totalAmount: authorization.amount,
      balanceAmount: authorization.amount,
      requestedAt: new Date(this.now()),
      approvedAt: null,
      approvalTransactionKey: null,
      lastTransactionKey: null,
      cancels: [],
      refusal: null,
    };
    this.payments.set(payment.paymentKey, payment);
    this.paymentsByOrder.set(payment.orderId, [
      ...(this.paymentsByOrder.get(payment.orderId) ?? []),
      payment,
    ]);
    this.stats.authorizations++;
    return payment;
  }

  find(paymentKey: string): Payment {
    const payment = this.payments.get(paymentKey);
    if (!payment)
      throw new PgError({
        status: 404,
        code: 'NOT_FOUND_PAYMENT',
        message: '존재하지 않는 결제 정보입니다.',
      });
    return this.expireIfStale(payment);
  }

  /** The order's approved payment, or else its latest authorisation. */
  findByOrder(orderId: string): Payment {
    const payments = this.paymentsByOrder.get(orderId) ?? [];
    const payment = this.approvedPaymentOf(orderId) ?? payments.at(-1);
    if (!payment)
      throw new PgError({
        status: 404,
        code: 'NOT_FOUND_PAYMENT',
        message: '이 주문번호의 결제 정보가 없습니다.',
      });
    return this.expireIfStale(payment);
  }

  /**
   * Charges an authorised payment. A payment is charged once: confirming it again answers the
   * payment as it stands (or the refusal the first confirmation got).
   */
  confirm(confirmation: Confirmation): Payment {
    const payment = this.find(confirmation.paymentKey);
    if (payment.orderId !== confirmation.orderId)
      throw new PgError({
        status: 400,
        code: 'NOT_MATCHES_ORDER_ID',
        message: '결제 정보의 주문번호와 요청한 주문번호가 다릅니다.',
      });
    // Checked before anything else so a wrong amount never changes the payment.
    if (payment.totalAmount !== confirmation.amount)
      throw new PgError({
        status: 400,
        code: 'NOT_MATCHED_AMOUNT',
        message: `결제 금액(${won(confirmation.amount)})이 인증된 금액(${won(payment.totalAmount)})과 다릅니다.`,
      });
    switch (payment.status) {
      case 'DONE':
      case 'PARTIAL_CANCELED':
      case 'CANCELED':
        return payment;
      case 'ABORTED':
        throw new PgError(
          payment.refusal ?? {
            status: 400,
            code: 'ALREADY_PROCESSED_PAYMENT',
            message: '이미 처리된 결제입니다 (ABORTED).',
          },
        );
      case 'EXPIRED':
        throw new PgError({
          status: 404,
          code: 'NOT_FOUND_PAYMENT_SESSION',
          message: '결제 시간이 만료되어 결제 진행 데이터가 존재하지 않습니다.',
        });
      case 'IN_PROGRESS':
        break;
    }
    if (this.approvedPaymentOf(payment.orderId))
      throw new PgError({
        status: 400,
        code: 'DUPLICATED_ORDER_ID',
        message: '이 주문번호로 이미 승인된 결제가 있습니다.',
      });
    const refusal = cardBehaviours[payment.card].refusedAtConfirm;
    if (refusal) {
      payment.status = 'ABORTED';
      payment.refusal = refusal;
      throw new PgError(refusal);
    }
    payment.status = 'DONE';
    payment.approvedAt = new Date(this.now());
    payment.approvalTransactionKey = payment.lastTransactionKey = transactionKey();
    this.stats.confirmations++;
    return payment;
  }

  /**
   * Gives back all or part of what is still charged, never more. An authorisation not yet
   * confirmed has charged nothing: cancelling it just ends it (ABORTED), whatever the amount.
   */
  cancel(paymentKey: string, request: CancelRequest): Payment {
    const payment = this.find(paymentKey);
    if (payment.status === 'IN_PROGRESS') {
      payment.status = 'ABORTED';
      return payment;
    }
    if (payment.status === 'CANCELED')
      throw new PgError({
        status: 400,
        code: 'ALREADY_CANCELED_PAYMENT',
        message: '이미 취소된 결제입니다.',
      });
    if (payment.status !== 'DONE' && payment.status !== 'PARTIAL_CANCELED')
      throw new PgError({
        status: 403,
        code: 'NOT_CANCELABLE_PAYMENT',
        message: `취소할 수 없는 결제입니다 (${payment.status}).`,
      });
    const cancelAmount = request.cancelAmount ?? payment.balanceAmount;
    if (cancelAmount > payment.balanceAmount)
      throw new PgError({
        status: 403,
        code: 'NOT_CANCELABLE_AMOUNT',
        message: `취소할 수 없는 금액입니다: 취소 가능 금액은 ${won(payment.balanceAmount)}입니다.`,
      });
    payment.balanceAmount -= cancelAmount;
    payment.lastTransactionKey = transactionKey();
    payment.cancels.push({
      transactionKey: payment.lastTransactionKey,
      cancelAmount,
      cancelReason: request.cancelReason,
      canceledAt: new Date(this.now()),
      refundableAmount: payment.balanceAmount,
    });
    payment.status = payment.balanceAmount === 0 ? 'CANCELED' : 'PARTIAL_CANCELED';
    this.stats.cancels++;
    return payment;
  }

  /** Every payment that was ever charged, cancelled or not: what settlement reports. */
  approvedPayments(): Payment[] {
    return [...this.payments.values()].filter((payment) => payment.approvedAt !== null);
  }

  private approvedPaymentOf(orderId: string): Payment | undefined {
    return this.paymentsByOrder.get(orderId)?.find((payment) => payment.approvedAt !== null);
  }

  /** An authorisation left unconfirmed too long expires; it is noticed when next looked at. */
  private expireIfStale(payment: Payment): Payment {
    if (
      payment.status === 'IN_PROGRESS' &&
      this.now() - payment.requestedAt.getTime() >= this.authorizationTtlMs
    )
      payment.status = 'EXPIRED';
    return payment;
  }
}
