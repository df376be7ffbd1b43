import { exchangeReshippedEvent } from '@shop/contracts';
import { on, type EventSubscription, type InboxContext } from '@shop/kit/events';
import type { OrderReturns } from '../services/order-returns.js';

/** ExchangeReshipped → the exchange is closed; the order keeps its lines (nothing was refunded). */
export function exchangeReshippedHandler(
  returns: OrderReturns,
): EventSubscription<typeof exchangeReshippedEvent, InboxContext> {
  return on(exchangeReshippedEvent, async (reshipped, { tx }) => {
    await returns.closed(tx, reshipped, 'RESHIPPED');
  });
}
