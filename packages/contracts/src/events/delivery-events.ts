import { z } from 'zod';
import { topicOf } from './envelope.js';

const deliveryTopic = topicOf('delivery');

/** delivery.events — ShipmentShipped: the parcel was handed to a carrier. */
export const shipmentShippedEvent = {
  type: 'ShipmentShipped',
  version: 1,
  topic: deliveryTopic,
  data: z.object({
    shipmentId: z.uuid(),
    orderId: z.uuid(),
    carrier: z.string(),
    trackingNumber: z.string(),
    shippedAt: z.iso.datetime(),
  }),
} as const;

/** ShipmentDelivered: the carrier delivered the parcel. */
export const shipmentDeliveredEvent = {
  type: 'ShipmentDelivered',
  version: 1,
  topic: deliveryTopic,
  data: z.object({ shipmentId: z.uuid(), orderId: z.uuid(), deliveredAt: z.iso.datetime() }),
} as const;
