import { shipmentDeliveredEvent } from '@shop/contracts';
import type { Orm } from '@shop/kit/db';
import { on, type EventSubscription } from '@shop/kit/events';
import type { OrderFulfilment } from '../services/order-fulfilment.js';

/** ShipmentDelivered → DELIVERED. Conditional, so replays are no-ops. */
export function shipmentDeliveredHandler(
  orm: Orm,
  fulfilment: OrderFulfilment,
): EventSubscription<typeof shipmentDeliveredEvent> {
  return on(shipmentDeliveredEvent, async (delivered) => {
    await fulfilment.delivered(orm.em, delivered.orderId, new Date(delivered.deliveredAt));
  });
}
