import {
  paymentCancelResultSchema,
  paymentVoidKey,
  type PaymentCancelResult,
  type RefundLine,
} from '@shop/contracts';
import type { InternalClient } from '@shop/kit/internal-http';
import type { CancelReason } from '../domain/order.entity.js';

type RefundedCancelReason = Exclude<CancelReason, 'EXPIRED'>;

const refundReasons: Record<RefundedCancelReason, string> = {
  CUSTOMER: 'order cancelled by customer',
  ADMIN: 'order cancelled by admin',
  OUT_OF_STOCK: 'order cancelled: its stock was sold meanwhile',
};

/** The reason order gives a cancellation's refund, and the cancel reason read back from it. */
export const cancellationRefundReason = (by: RefundedCancelReason) => refundReasons[by];
export const cancelReasonOfRefund = (reason: string): RefundedCancelReason =>
  (Object.keys(refundReasons) as RefundedCancelReason[]).find(
    (by) => refundReasons[by] === reason,
  ) ?? 'CUSTOMER';

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
