import { returnRefundedEvent } from '@shop/contracts';
import type { Orm } from '@shop/kit/db';
import { idempotentHandler, type EventHandler } from '@shop/kit/events';
import type { PointsWallet } from '../services/points-wallet.js';

/**
 * ReturnRefunded → the points the returned lines were paid with come back, and the order's reward,
 * spend and grade shrink to what was kept; once per event (inbox).
 */
export function returnRefundedHandler(
  orm: Orm,
  consumer: string,
  wallet: PointsWallet,
): EventHandler {
  return idempotentHandler(orm, consumer, async (tx, event) => {
    if (event.type !== returnRefundedEvent.type) return;
    await wallet.returnRefunded(tx, returnRefundedEvent.data.parse(event.data));
  });
}
