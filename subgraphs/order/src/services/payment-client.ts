import { paymentCancelResultSchema, type PaymentCancelResult } from '@shop/contracts';
import type { InternalClient } from '@shop/kit/internal-http';

/** payment's refund API: idempotent per key, so a retried cancellation never refunds twice. */
export class PaymentClient {
  constructor(private readonly payment: InternalClient) {}

  async refundAll(orderId: string, reason: string): Promise<PaymentCancelResult> {
    const idempotencyKey = `order-cancel-${orderId}`;
    const answer = await this.payment.post(
      `/internal/payments/${orderId}/cancel`,
      { reason, idempotencyKey },
      { idempotencyKey },
    );
    return paymentCancelResultSchema.parse(answer);
  }
}
