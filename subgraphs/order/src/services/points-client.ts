import { InternalHttpError, type InternalClient } from '@shop/kit/internal-http';

export type PointsHold = { held: true } | { held: false; balance: number };

/** user's points API for orders; idempotent on the order id. */
export class PointsClient {
  constructor(private readonly user: InternalClient) {}

  async hold(orderId: string, userId: string, amount: number): Promise<PointsHold> {
    try {
      await this.user.post(
        '/internal/points/holds',
        { orderId, userId, amount },
        { idempotencyKey: `hold-${orderId}` },
      );
      return { held: true };
    } catch (error) {
      if (error instanceof InternalHttpError && error.status === 409)
        return { held: false, balance: Number((error.body as { balance?: number }).balance ?? 0) };
      throw error;
    }
  }

  use(orderId: string) {
    return this.step(orderId, 'use');
  }

  release(orderId: string) {
    return this.step(orderId, 'release');
  }

  restore(orderId: string) {
    return this.step(orderId, 'restore');
  }

  private step(orderId: string, step: 'use' | 'release' | 'restore'): Promise<unknown> {
    return this.user.post(
      `/internal/points/holds/${orderId}/${step}`,
      {},
      { idempotencyKey: `${step}-${orderId}` },
    );
  }
}
