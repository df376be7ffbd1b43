import { orderCancelledEvent } from '@shop/contracts';
import type { Orm } from '@shop/kit/db';
import { on, type EventSubscription } from '@shop/kit/events';
import type { Shipments } from '../services/shipments.js';

/**
 * OrderCancelled → nothing to ship. Idempotent (a conditional status change), so redelivery
 * changes nothing.
 */
export function orderCancelledHandler(
  orm: Orm,
  shipments: Shipments,
): EventSubscription<typeof orderCancelledEvent> {
  return on(orderCancelledEvent, async (cancelled) => {
    await shipments.cancel(orm.em, cancelled.orderId);
  });
}
