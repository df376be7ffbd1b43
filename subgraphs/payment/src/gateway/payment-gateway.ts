/** The PG's view of a payment (Toss Payments' shape, the fields we use). */
export interface PgPayment {
  paymentKey: string;
  orderId: string;
  status:
    | 'READY'
    | 'IN_PROGRESS'
    | 'WAITING_FOR_DEPOSIT'
    | 'DONE'
    | 'CANCELED'
    | 'PARTIAL_CANCELED'
    | 'ABORTED'
    | 'EXPIRED';
  totalAmount: number;
  balanceAmount: number;
  method: string | null;
  approvedAt: string | null;
  cancels: { transactionKey: string; cancelAmount: number }[] | null;
}

/** The PG refused (a declined card, a wrong amount): a definite answer, with its code. */
export class PgRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** No answer in time, or no answer at all: the outcome is unknown until the PG is asked again. */
export class PgUnavailable extends Error {}

/**
 * The payment gateway, as payment uses it. One implementation speaks Toss Payments' REST API; the
 * sandbox speaks the same, so pointing at the real PG is configuration.
 */
export interface PaymentGateway {
  confirm(
    request: { paymentKey: string; orderId: string; amount: number },
    idempotencyKey: string,
  ): Promise<PgPayment>;
  /** The payment as the PG knows it, or null if it does not. */
  find(paymentKey: string): Promise<PgPayment | null>;
  cancel(
    paymentKey: string,
    request: { cancelReason: string; cancelAmount?: number },
    idempotencyKey: string,
  ): Promise<PgPayment>;
}
