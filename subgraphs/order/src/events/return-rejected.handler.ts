import { returnRejectedEvent } from '@shop/contracts';
import type { EventEffect } from '@shop/kit/events';
import type { OrderReturns } from '../services/order-returns.js';

/** ReturnRejected → the return no longer holds the order's confirmation or its units. */
export function returnRejectedHandler(returns: OrderReturns): EventEffect {
  return async (tx, event) => {
    if (event.type !== returnRejectedEvent.type) return;
    await returns.closed(tx, returnRejectedEvent.data.parse(event.data), 'REJECTED');
  };
}
