import { returnRefundedEvent } from '@shop/contracts';
import { on, type EventSubscription, type InboxContext } from '@shop/kit/events';
import type { PointsWallet } from '../services/points-wallet.js';

/**
 * ReturnRefunded → the points the returned lines were paid with come back, and the order's reward,
 * spend and grade shrink to what was kept; once per event (inbox).
 */
export function returnRefundedHandler(
  wallet: PointsWallet,
): EventSubscription<typeof returnRefundedEvent, InboxContext> {
  return on(returnRefundedEvent, async (refunded, { tx }) => {
    await wallet.returnRefunded(tx, refunded);
  });
}
