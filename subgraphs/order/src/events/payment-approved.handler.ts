import { paymentApprovedEvent } from '@shop/contracts';
import type { Logger } from '@shop/kit';
import type { Orm } from '@shop/kit/db';
import type { EventHandler } from '@shop/kit/events';
import { InternalHttpError } from '@shop/kit/internal-http';
import type { OrderLifecycle } from '../services/order-lifecycle.js';
import type { PaymentClient } from '../services/payment-client.js';

/**
 * PaymentApproved → the order is PAID. Payment tells order directly as well; this is the path that
 * cannot be lost when order was unreachable at that moment. If the order can no longer be paid
 * (it expired meanwhile), the money goes back: a refund that was already made answers 409.
 */
export function paymentApprovedHandler(deps: {
  orm: Orm;
  lifecycle: OrderLifecycle;
  payment: PaymentClient;
  logger: Logger;
}): EventHandler {
  return async (event) => {
    if (event.type !== paymentApprovedEvent.type) return;
    const { orderId, paymentId } = paymentApprovedEvent.data.parse(event.data);
    const outcome = await deps.lifecycle.markPaid(deps.orm.em, orderId, paymentId);
    if (outcome.kind !== 'not-payable' || outcome.status === 'CANCELLED') return;
    try {
      await deps.payment.refundAll(
        orderId,
        `order ${outcome.status.toLowerCase()} before the payment arrived`,
        // Never paid as an order, so no line was sold: the refund is not any line's.
        [],
      );
      deps.logger.warn(
        { orderId, paymentId, status: outcome.status },
        'payment for an unpayable order refunded',
      );
    } catch (error) {
      if (!(error instanceof InternalHttpError && error.status === 409)) throw error;
    }
  };
}
