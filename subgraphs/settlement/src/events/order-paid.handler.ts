import { orderPaidEvent } from '@shop/contracts';
import { on, type EventSubscription, type InboxContext } from '@shop/kit/events';
import type { Ledger } from '../services/ledger.js';

/** OrderPaid → the sale in the ledger. */
export function orderPaidHandler(
  ledger: Ledger,
): EventSubscription<typeof orderPaidEvent, InboxContext> {
  return on(orderPaidEvent, async (paid, { tx }) => {
    await ledger.bookSale(tx, paid);
  });
}
