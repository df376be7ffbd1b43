import { OutboxEvent } from '../events/outbox-event.entity.js';
import { ProcessedEvent } from '../events/processed-event.entity.js';

/** Tables every subgraph has: the outbox it publishes from and the inbox its consumers dedupe on. */
export const kitEntities = [OutboxEvent, ProcessedEvent];
