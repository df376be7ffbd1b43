import { returnRefundedEvent } from '@shop/contracts';
import { on, type EventSubscription, type InboxContext } from '@shop/kit/events';
import type { OrderReturns } from '../services/order-returns.js';

/** ReturnRefunded → the lines' returned units and refunds; PARTIALLY_RETURNED or RETURNED. */
export function returnRefundedHandler(
  returns: OrderReturns,
): EventSubscription<typeof returnRefundedEvent, InboxContext> {
  return on(returnRefundedEvent, async (refunded, { tx }) => {
    await returns.refunded(tx, refunded);
  });
}
