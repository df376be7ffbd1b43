import { ShipmentSchema } from './shipment.entity.js';
import { TrackingEventSchema } from './tracking-event.entity.js';

export const deliveryEntities = [ShipmentSchema, TrackingEventSchema];
