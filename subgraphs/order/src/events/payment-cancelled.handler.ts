import { paymentCancelledEvent } from '@shop/contracts';
import type { Orm } from '@shop/kit/db';
import { on, type EventSubscription } from '@shop/kit/events';
import type { OrderLifecycle } from '../services/order-lifecycle.js';
import { cancelReasonOfRefund } from '../services/payment-client.js';

/**
 * PaymentCancelled, in full, for an order not yet shipped → the order is CANCELLED and what it
 * held goes back. The cancellation usually closes the order itself; this is the path for a refund
 * payment finished later (its process died, or the PG answered late), so a refunded order is never
 * left PAID to be shipped. A void paid no order, and a partial refund is a return's.
 */
export function paymentCancelledHandler(
  orm: Orm,
  lifecycle: OrderLifecycle,
): EventSubscription<typeof paymentCancelledEvent> {
  return on(paymentCancelledEvent, async (cancelled) => {
    if (cancelled.void || cancelled.refundableAmount > 0) return;
    await lifecycle.closeRefunded(
      orm.em,
      cancelled.orderId,
      cancelReasonOfRefund(cancelled.reason),
    );
  });
}
