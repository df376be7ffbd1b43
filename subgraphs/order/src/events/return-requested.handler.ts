import { returnRequestedEvent } from '@shop/contracts';
import type { EventEffect } from '@shop/kit/events';
import type { OrderReturns } from '../services/order-returns.js';

/** ReturnRequested → the order holds its confirmation and the units asked back. */
export function returnRequestedHandler(returns: OrderReturns): EventEffect {
  return async (tx, event) => {
    if (event.type !== returnRequestedEvent.type) return;
    await returns.opened(tx, returnRequestedEvent.data.parse(event.data));
  };
}
