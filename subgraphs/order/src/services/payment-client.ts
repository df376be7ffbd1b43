import {
  paymentCancelResultSchema,
  type PaymentCancelResult,
  type RefundLine,
} from '@shop/contracts';
import type { InternalClient } from '@shop/kit/internal-http';

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
}
