import {
  paymentCancelResultSchema,
  paymentVoidKey,
  type PaymentCancelResult,
  type RefundLine,
} from '@shop/contracts';
import type { InternalClient } from '@shop/kit/internal-http';

/** The reason order gives a cancellation's refund, and the canceller read back from it. */
export const cancellationRefundReason = (by: 'CUSTOMER' | 'ADMIN') =>
  `order cancelled by ${by.toLowerCase()}`;
export const cancelReasonOfRefund = (reason: string): 'CUSTOMER' | 'ADMIN' =>
  reason === cancellationRefundReason('ADMIN') ? 'ADMIN' : 'CUSTOMER';

/** payment's refund API: idempotent per key, so a retried cancellation never refunds twice. */
export class PaymentClient {
  constructor(private readonly payment: InternalClient) {}

  /** Everything still refundable; `lines` says what of it gives back which line (for settlement). */
  async refundAll(
    orderId: string,
    reason: string,
    lines: RefundLine[],
  ): Promise<PaymentCancelResult> {
    const idempotencyKey = `order-cancel-${orderId}`;
    const answer = await this.payment.post(
      `/internal/payments/${orderId}/cancel`,
      { reason, lines, idempotencyKey },
      { idempotencyKey },
    );
    return paymentCancelResultSchema.parse(answer);
  }

  /** A charge that paid no order taken back whole, under the payment's one void key. */
  async voidCharge(orderId: string, paymentId: string, reason: string): Promise<void> {
    const idempotencyKey = paymentVoidKey(paymentId);
    await this.payment.post(
      `/internal/payments/${orderId}/cancel`,
      { reason, lines: [], idempotencyKey, void: true },
      { idempotencyKey },
    );
  }
}
