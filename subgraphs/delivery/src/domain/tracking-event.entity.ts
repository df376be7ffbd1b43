import { defineEntity, p } from '@mikro-orm/core';
import { shipmentStatuses } from './shipment.entity.js';

/**
 * One step the carrier reported. Its carrier event id is unique, so a webhook delivered five
 * times, or also found by polling, is recorded once.
 */
export const TrackingEventSchema = defineEntity({
  name: 'TrackingEvent',
  tableName: 'tracking_event',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    shipmentId: p.string().length(36).index(),
    carrierEventId: p.string().length(64).unique(),
    status: p.enum(shipmentStatuses),
    occurredAt: p.datetime(),
    location: p.string().length(100),
    description: p.string().length(200),
  },
});

export class TrackingEvent extends TrackingEventSchema.class {}
TrackingEventSchema.setClass(TrackingEvent);
