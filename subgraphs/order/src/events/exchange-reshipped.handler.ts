import { exchangeReshippedEvent } from '@shop/contracts';
import type { EventEffect } from '@shop/kit/events';
import type { OrderReturns } from '../services/order-returns.js';

/** ExchangeReshipped → the exchange is closed; the order keeps its lines (nothing was refunded). */
export function exchangeReshippedHandler(returns: OrderReturns): EventEffect {
  return async (tx, event) => {
    if (event.type !== exchangeReshippedEvent.type) return;
    await returns.closed(tx, exchangeReshippedEvent.data.parse(event.data), 'RESHIPPED');
  };
}
