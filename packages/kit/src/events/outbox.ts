import { randomUUID } from 'node:crypto';
import type { IsolationLevel } from '@mikro-orm/core';
import { topicOf, type EventEnvelope } from '@shop/contracts';
import type { EntityManager } from '../db/open-database.js';
import { OutboxEvent } from './outbox-event.entity.js';

export interface NewEvent<Data> {
  type: string;
  version?: number;
  /** The aggregate id: it orders this aggregate's events and is the Kafka key. */
  subject: string;
  data: Data;
}

/**
 * Records a subgraph's events in its outbox table. Call `record` inside the transaction that makes
 * the state change: both commit or neither does, and the relay publishes afterwards.
 */
export class Outbox {
  readonly topic: string;

  constructor(
    private readonly source: string,
    /** Called after a commit that wrote events, to wake the relay instead of waiting for its poll. */
    private readonly onRecorded: () => void = () => {},
  ) {
    this.topic = topicOf(source);
  }

  record<Data>(em: EntityManager, event: NewEvent<Data>): EventEnvelope<Data> {
    const envelope: EventEnvelope<Data> = {
      id: randomUUID(),
      type: event.type,
      version: event.version ?? 1,
      source: this.source,
      subject: event.subject,
      time: new Date().toISOString(),
      data: event.data,
    };
    em.persist(
      em.create(OutboxEvent, {
        eventId: envelope.id,
        topic: this.topic,
        key: envelope.subject,
        envelope: JSON.stringify(envelope),
      }),
    );
    return envelope;
  }

  /** Runs `work` in a transaction and wakes the relay once it has committed. */
  async transaction<T>(
    em: EntityManager,
    work: (tx: EntityManager) => Promise<T>,
    options: { isolationLevel?: IsolationLevel } = {},
  ): Promise<T> {
    const result = await em.transactional(work, options);
    this.onRecorded();
    return result;
  }
}
