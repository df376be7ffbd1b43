import { orderCompletedEvent } from '@shop/contracts';
import { on, type EventSubscription, type InboxContext } from '@shop/kit/events';
import type { Payables } from '../services/payables.js';

/** OrderCompleted → what is payable to the order's brands. */
export function orderCompletedHandler(
  payables: Payables,
): EventSubscription<typeof orderCompletedEvent, InboxContext> {
  return on(orderCompletedEvent, async (completed, { tx }) => {
    await payables.confirmOrder(tx, completed);
  });
}
