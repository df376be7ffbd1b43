import { defineEntity, p } from '@mikro-orm/core';

/**
 * The inbox: which consumer has applied which event. Inserted in the consumer's own transaction
 * with its effect, so a redelivered event hits the primary key and changes nothing.
 */
export const ProcessedEventSchema = defineEntity({
  name: 'ProcessedEvent',
  tableName: 'processed_event',
  properties: {
    consumer: p.string().length(100).primary(),
    eventId: p.string().length(36).primary(),
    processedAt: p.datetime().onCreate(() => new Date()),
  },
});

export class ProcessedEvent extends ProcessedEventSchema.class {}
ProcessedEventSchema.setClass(ProcessedEvent);
