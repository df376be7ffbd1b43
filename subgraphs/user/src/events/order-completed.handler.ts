import { orderCompletedEvent } from '@shop/contracts';
import type { Orm } from '@shop/kit/db';
import { idempotentHandler, type EventHandler } from '@shop/kit/events';
import type { PointsWallet } from '../services/points-wallet.js';

/** OrderCompleted → points earned and the grade recomputed, once per event (inbox). */
export function orderCompletedHandler(
  orm: Orm,
  consumer: string,
  wallet: PointsWallet,
): EventHandler {
  return idempotentHandler(orm, consumer, async (tx, event) => {
    if (event.type !== orderCompletedEvent.type) return;
    await wallet.orderCompleted(tx, orderCompletedEvent.data.parse(event.data));
  });
}
