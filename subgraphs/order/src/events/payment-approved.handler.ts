import { paymentApprovedEvent } from '@shop/contracts';
import type { Logger } from '@shop/kit';
import type { Orm } from '@shop/kit/db';
import { on, type EventSubscription } from '@shop/kit/events';
import { InternalHttpError } from '@shop/kit/internal-http';
import type { OrderLifecycle } from '../services/order-lifecycle.js';
import type { PaymentClient } from '../services/payment-client.js';

/**
 * PaymentApproved → the order is PAID. Payment tells order directly as well; this is the path that
 * cannot be lost when order was unreachable at that moment. A charge that did not pay the order
 * (it expired or was cancelled first, or another payment paid it) is always voided — under the
 * payment's one void key, so payment's own void of the same charge and this one are one at the PG.
 * An order this payment paid and that was cancelled later was refunded by its cancellation.
 */
export function paymentApprovedHandler(deps: {
  orm: Orm;
  lifecycle: OrderLifecycle;
  payment: PaymentClient;
  logger: Logger;
}): EventSubscription<typeof paymentApprovedEvent> {
  return on(paymentApprovedEvent, async ({ orderId, paymentId }) => {
    const outcome = await deps.lifecycle.markPaid(deps.orm.em, orderId, paymentId);
    if (outcome.kind !== 'not-payable' || outcome.paidBy === paymentId) return;
    try {
      await deps.payment.voidCharge(
        orderId,
        paymentId,
        `order ${outcome.status.toLowerCase()} before the payment arrived`,
      );
      deps.logger.warn(
        { orderId, paymentId, status: outcome.status },
        'a payment that did not pay its order was voided',
      );
    } catch (error) {
      // Already voided in full: nothing is left to give back.
      if (!(error instanceof InternalHttpError && error.status === 409)) throw error;
    }
  });
}
