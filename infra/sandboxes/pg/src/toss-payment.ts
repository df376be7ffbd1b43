import type { Payment } from './payments.js';
import { seoulTimestamp } from './seoul-time.js';

/**
 * A payment as Toss Payments v1 answers it (the fields a shop reads). Built afresh on each call,
 * so an answer kept for an idempotency key never changes with the payment.
 */
export function tossPayment(payment: Payment) {
  return {
    paymentKey: payment.paymentKey,
    type: 'NORMAL',
    orderId: payment.orderId,
    orderName: payment.orderName,
    currency: 'KRW',
    method: '카드',
    status: payment.status,
    totalAmount: payment.totalAmount,
    balanceAmount: payment.balanceAmount,
    requestedAt: seoulTimestamp(payment.requestedAt),
    approvedAt: payment.approvedAt && seoulTimestamp(payment.approvedAt),
    lastTransactionKey: payment.lastTransactionKey,
    cancels:
      payment.cancels.length === 0
        ? null
        : payment.cancels.map((cancel) => ({
            transactionKey: cancel.transactionKey,
            cancelAmount: cancel.cancelAmount,
            cancelReason: cancel.cancelReason,
            canceledAt: seoulTimestamp(cancel.canceledAt),
            refundableAmount: cancel.refundableAmount,
            cancelStatus: 'DONE',
          })),
  };
}
