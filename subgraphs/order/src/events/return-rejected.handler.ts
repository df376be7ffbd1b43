import { returnRejectedEvent } from '@shop/contracts';
import { on, type EventSubscription, type InboxContext } from '@shop/kit/events';
import type { OrderReturns } from '../services/order-returns.js';

/** ReturnRejected → the return no longer holds the order's confirmation or its units. */
export function returnRejectedHandler(
  returns: OrderReturns,
): EventSubscription<typeof returnRejectedEvent, InboxContext> {
  return on(returnRejectedEvent, async (rejected, { tx }) => {
    await returns.closed(tx, rejected, 'REJECTED');
  });
}
