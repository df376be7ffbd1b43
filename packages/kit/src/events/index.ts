export * from './transport.js';
export * from './outbox.js';
export * from './outbox-relay.js';
export * from './idempotent-consumer.js';
export {
  eventConsumer,
  on,
  type EventConsumer,
  type EventData,
  type EventSubscription,
} from './on.js';
export * from './in-process-transport.js';
export * from './kafka-transport.js';
export * from './create-transport.js';
export { OutboxEvent } from './outbox-event.entity.js';
export { ProcessedEvent } from './processed-event.entity.js';
export { inboxMetricsOn } from './event-metrics.js';
