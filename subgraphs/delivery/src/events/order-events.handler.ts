import { orderCancelledEvent, orderPaidEvent } from '@shop/contracts';
import type { Orm } from '@shop/kit/db';
import type { EventHandler } from '@shop/kit/events';
import type { Shipments } from '../services/shipments.js';

/**
 * OrderPaid → a shipment to prepare; OrderCancelled → nothing to ship. Both idempotent (unique
 * order id; a conditional status change), so redelivery changes nothing.
 */
export function orderEventsHandler(orm: Orm, shipments: Shipments): EventHandler {
  return async (event) => {
    if (event.type === orderPaidEvent.type) {
      const paid = orderPaidEvent.data.parse(event.data);
      await shipments.open(orm.em, paid.orderId, paid.userId);
    } else if (event.type === orderCancelledEvent.type) {
      await shipments.cancel(orm.em, orderCancelledEvent.data.parse(event.data).orderId);
    }
  };
}
