import type { Logger } from '@shop/kit';
import type { EntityManager } from '@shop/kit/db';
import { Order } from '../domain/order.entity.js';
import type { PointsClient } from './points-client.js';
import type { PromotionClient } from './promotion-client.js';
import type { StockClient } from './stock-client.js';

export type SettleOutcome = 'settled' | 'unreachable' | 'short';

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

  /**
   * Settles the order's holds. `unreachable`: a service could not be reached (the sweeper retries);
   * `short`: the order is PAID but product could not commit all its lines (a lapsed reservation's
   * units were sold meanwhile), so it cannot be delivered — nothing else was committed.
   */
  async settle(em: EntityManager, order: Order): Promise<SettleOutcome> {
    try {
      if (order.status === 'FAILED' || (order.status === 'CANCELLED' && !order.paidAt))
        await this.giveBack(order);
      else if (order.status === 'CANCELLED') await this.putBack(order);
      else if ((await this.commit(order)) === 'short') return 'short';
    } catch (error) {
      this.deps.logger.warn(
        { err: error, orderId: order.id },
        'order holds not settled yet; will retry',
      );
      return 'unreachable';
    }
    // Only for the status settled: a cancellation meanwhile needs its own settling.
    await em
      .fork()
      .nativeUpdate(Order, { id: order.id, status: order.status }, { holdsSettled: true });
    return 'settled';
  }

  private async commit(order: Order): Promise<'committed' | 'short'> {
    const { stock, promotion, points } = this.deps;
    const { committed, short } = await stock.commit(order.id);
    // Holds are taken all or none, so nothing committed means none was ever taken: as short as
    // units sold meanwhile. (A cancelled order passes here too, on its way to putting back what
    // it got: that is fine.)
    if (order.status === 'PAID' && (short > 0 || committed === 0)) return 'short';
    if (short > 0)
      // Past PAID the parcel is on its way: nothing to cancel, but someone must know.
      this.deps.logger.error(
        { orderId: order.id, status: order.status, short },
        'stock committed short for an order already past payment: units were sold twice',
      );
    if (order.couponId) await promotion.useCoupon(order.couponId, order.id, order.userId);
    if (order.pointsUsed > 0) await points.use(order.id);
    return 'committed';
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
