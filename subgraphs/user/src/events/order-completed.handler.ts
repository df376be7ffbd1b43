import { orderCompletedEvent } from '@shop/contracts';
import { on, type EventSubscription, type InboxContext } from '@shop/kit/events';
import type { PointsWallet } from '../services/points-wallet.js';

/** OrderCompleted → points earned and the grade recomputed, once per event (inbox). */
export function orderCompletedHandler(
  wallet: PointsWallet,
): EventSubscription<typeof orderCompletedEvent, InboxContext> {
  return on(orderCompletedEvent, async (completed, { tx }) => {
    await wallet.orderCompleted(tx, completed);
  });
}
