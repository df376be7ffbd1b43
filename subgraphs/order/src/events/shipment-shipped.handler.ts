import { shipmentShippedEvent } from '@shop/contracts';
import type { Orm } from '@shop/kit/db';
import { on, type EventSubscription } from '@shop/kit/events';
import type { OrderFulfilment } from '../services/order-fulfilment.js';

/** ShipmentShipped → SHIPPED. Conditional, so replays are no-ops. */
export function shipmentShippedHandler(
  orm: Orm,
  fulfilment: OrderFulfilment,
): EventSubscription<typeof shipmentShippedEvent> {
  return on(shipmentShippedEvent, async (shipped) => {
    await fulfilment.shipped(orm.em, shipped.orderId);
  });
}
