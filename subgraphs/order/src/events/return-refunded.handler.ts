import { returnRefundedEvent } from '@shop/contracts';
import type { EventEffect } from '@shop/kit/events';
import type { OrderReturns } from '../services/order-returns.js';

/** ReturnRefunded → the lines' returned units and refunds; PARTIALLY_RETURNED or RETURNED. */
export function returnRefundedHandler(returns: OrderReturns): EventEffect {
  return async (tx, event) => {
    if (event.type !== returnRefundedEvent.type) return;
    await returns.refunded(tx, returnRefundedEvent.data.parse(event.data));
  };
}
