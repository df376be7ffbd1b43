import type { Logger } from '@shop/kit';
import type { EntityManager } from '@shop/kit/db';
import { Order } from '../domain/order.entity.js';
import type { PointsClient } from './points-client.js';
import type { PromotionClient } from './promotion-client.js';
import type { StockClient } from './stock-client.js';

/**
 * What an order holds elsewhere — stock in product, a coupon in promotion, points in user — and
 * brings to its end once the order's status says how: committed when paid, given back when it
 * failed or was cancelled unpaid, put back when a paid order was cancelled. Every call is
 * idempotent, so settling twice (a retry, the sweeper) changes nothing.
 */
export class OrderHolds {
  constructor(
    private readonly deps: {
      stock: StockClient;
      promotion: PromotionClient;
      points: PointsClient;
      logger: Logger;
    },
  ) {}

  /** Settles the order's holds; false if a service could not be reached (the sweeper retries). */
  async settle(em: EntityManager, order: Order): Promise<boolean> {
    try {
      if (order.status === 'FAILED' || (order.status === 'CANCELLED' && !order.paidAt))
        await this.giveBack(order);
      else if (order.status === 'CANCELLED') await this.putBack(order);
      else await this.commit(order);
    } catch (error) {
      this.deps.logger.warn(
        { err: error, orderId: order.id },
        'order holds not settled yet; will retry',
      );
      return false;
    }
    // Only for the status settled: a cancellation meanwhile needs its own settling.
    await em
      .fork()
      .nativeUpdate(Order, { id: order.id, status: order.status }, { holdsSettled: true });
    return true;
  }

  private async commit(order: Order): Promise<void> {
    const { stock, promotion, points } = this.deps;
    const { committed } = await stock.commit(order.id);
    // A PAID order with nothing committed had its reservation expire first: it was sold without
    // stock held. (Cancelled orders pass here too, after their units went back: that is fine.)
    if (committed === 0 && order.status === 'PAID')
      this.deps.logger.error(
        { orderId: order.id },
        'paid order had no reservation to commit; check stock',
      );
    if (order.couponId) await promotion.useCoupon(order.couponId, order.id, order.userId);
    if (order.pointsUsed > 0) await points.use(order.id);
  }

  private async giveBack(order: Order): Promise<void> {
    const { stock, promotion, points } = this.deps;
    await stock.release(order.id);
    if (order.couponId) await promotion.releaseCoupon(order.couponId, order.id, order.userId);
    if (order.pointsUsed > 0) await points.release(order.id);
  }

  /** Cancelled after payment: commit first (no-ops if done), so what was paid for comes back. */
  private async putBack(order: Order): Promise<void> {
    await this.commit(order);
    const { stock, promotion, points } = this.deps;
    await stock.restock(order.id);
    if (order.couponId) await promotion.restoreCoupon(order.couponId, order.id, order.userId);
    if (order.pointsUsed > 0) await points.restore(order.id);
  }
}
