import { payableOrderSchema, type PayableOrder } from '@shop/contracts';
import { InternalHttpError, type InternalClient } from '@shop/kit/internal-http';

/** order's API for payment. */
export class OrderClient {
  constructor(private readonly order: InternalClient) {}

  async find(orderId: string): Promise<PayableOrder | null> {
    try {
      return payableOrderSchema.parse(await this.order.get(`/internal/orders/${orderId}`));
    } catch (error) {
      if (error instanceof InternalHttpError && error.status === 404) return null;
      throw error;
    }
  }

  /** True if the order is now PAID by this payment; false if it moved on (expired, cancelled). */
  async markPaid(orderId: string, paymentId: string): Promise<boolean> {
    try {
      await this.order.post(
        `/internal/orders/${orderId}/paid`,
        { paymentId },
        { idempotencyKey: `paid-${paymentId}` },
      );
      return true;
    } catch (error) {
      if (error instanceof InternalHttpError && error.status === 409) return false;
      throw error;
    }
  }

  async markPaymentFailed(orderId: string, reason: string): Promise<void> {
    await this.order.post(
      `/internal/orders/${orderId}/payment-failed`,
      { reason },
      { idempotencyKey: `failed-${orderId}` },
    );
  }
}
