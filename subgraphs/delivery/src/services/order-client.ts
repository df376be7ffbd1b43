import { orderPreparingAnswerSchema } from '@shop/contracts';
import { InternalHttpError, type InternalClient } from '@shop/kit/internal-http';

/** order's API for delivery. */
export class OrderClient {
  constructor(private readonly order: InternalClient) {}

  /**
   * Claims the order for shipping (PREPARING) before the carrier has it: true once claimed (or
   * already on its way), false if it is being cancelled or was. Safe to repeat.
   */
  async claimForShipping(orderId: string): Promise<boolean> {
    try {
      orderPreparingAnswerSchema.parse(
        await this.order.post(
          `/internal/orders/${orderId}/preparing`,
          {},
          { idempotencyKey: `preparing-${orderId}` },
        ),
      );
      return true;
    } catch (error) {
      if (error instanceof InternalHttpError && error.status === 409) return false;
      throw error;
    }
  }
}
