import { shipmentDeliveredEvent, shipmentShippedEvent } from '@shop/contracts';
import type { Orm } from '@shop/kit/db';
import type { EventHandler } from '@shop/kit/events';
import type { OrderFulfilment } from '../services/order-fulfilment.js';

/** ShipmentShipped → SHIPPED; ShipmentDelivered → DELIVERED. Conditional, so replays are no-ops. */
export function deliveryEventsHandler(orm: Orm, fulfilment: OrderFulfilment): EventHandler {
  return async (event) => {
    if (event.type === shipmentShippedEvent.type)
      await fulfilment.shipped(orm.em, shipmentShippedEvent.data.parse(event.data).orderId);
    else if (event.type === shipmentDeliveredEvent.type) {
      const delivered = shipmentDeliveredEvent.data.parse(event.data);
      await fulfilment.delivered(orm.em, delivered.orderId, new Date(delivered.deliveredAt));
    }
  };
}
