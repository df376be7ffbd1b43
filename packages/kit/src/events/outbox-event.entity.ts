import { defineEntity, p } from '@mikro-orm/core';

/**
 * One domain event waiting to be published. Written in the same transaction as the state change
 * it describes; the relay publishes pending rows in id order and marks them sent.
 */
export const OutboxEventSchema = defineEntity({
  name: 'OutboxEvent',
  tableName: 'outbox_event',
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    eventId: p.string().length(36).unique(),
    topic: p.string().length(200),
    key: p.string().length(200),
    /** The whole envelope as JSON, so the relay publishes exactly what was recorded. */
    envelope: p.text(),
    /**
     * The trace context the event was recorded in, as JSON message headers (`traceparent`); null
     * when nothing is traced.
     */
    headers: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    sentAt: p.datetime().nullable().index(),
    attempts: p.integer().default(0),
    lastError: p.text().nullable(),
  },
});

export class OutboxEvent extends OutboxEventSchema.class {}
OutboxEventSchema.setClass(OutboxEvent);
