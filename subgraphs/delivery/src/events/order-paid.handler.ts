import { orderPaidEvent } from '@shop/contracts';
import type { Orm } from '@shop/kit/db';
import { on, type EventSubscription } from '@shop/kit/events';
import type { Shipments } from '../services/shipments.js';

/**
 * OrderPaid → a shipment to prepare. Idempotent (unique order id), so redelivery changes
 * nothing.
 */
export function orderPaidHandler(
  orm: Orm,
  shipments: Shipments,
): EventSubscription<typeof orderPaidEvent> {
  return on(orderPaidEvent, async (paid) => {
    await shipments.open(orm.em, paid.orderId, paid.userId);
  });
}
