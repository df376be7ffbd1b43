import { paymentCancelledEvent } from '@shop/contracts';
import { on, type EventSubscription, type InboxContext } from '@shop/kit/events';
import type { Ledger } from '../services/ledger.js';
import type { Payables } from '../services/payables.js';

/** PaymentCancelled → the refund in the ledger, and off what is payable for lines confirmed. */
export function paymentCancelledHandler(
  ledger: Ledger,
  payables: Payables,
): EventSubscription<typeof paymentCancelledEvent, InboxContext> {
  return on(paymentCancelledEvent, async (cancelled, { tx }) => {
    // Before anything is read, so a confirmation booked meanwhile is seen (a void has no lines).
    if (!cancelled.void) await payables.lockOrder(tx, cancelled.orderId);
    await ledger.bookRefund(tx, cancelled);
    await payables.netRefund(tx, cancelled);
  });
}
