import { returnRequestedEvent } from '@shop/contracts';
import { on, type EventSubscription, type InboxContext } from '@shop/kit/events';
import type { OrderReturns } from '../services/order-returns.js';

/** ReturnRequested → the order holds its confirmation and the units asked back. */
export function returnRequestedHandler(
  returns: OrderReturns,
): EventSubscription<typeof returnRequestedEvent, InboxContext> {
  return on(returnRequestedEvent, async (requested, { tx }) => {
    await returns.opened(tx, requested);
  });
}
