import { randomUUID } from 'node:crypto';
import {
  staffActionRecordedEvent,
  topicOf,
  type EventContract,
  type EventEnvelope,
} from '@shop/contracts';
import type { EntityManager } from '../db/open-database.js';
import { traceHeadersOfActiveSpan } from '../tracing/trace-headers.js';
import { OutboxEvent } from './outbox-event.entity.js';
import { markRecorded } from './recorded-events.js';

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
  /** The chassis's own events, which every subgraph records, each on its contract's topic. */
  private static readonly chassisTopics = new Map<string, string>([
    [staffActionRecordedEvent.type, staffActionRecordedEvent.topic],
  ]);
  /** The event types the service declares; undefined: any (tests, tools on a service's database). */
  private readonly publishes: ReadonlySet<string> | undefined;

  constructor(
    private readonly source: string,
    /** The service's `events.publishes`: the only events it may record, all of its own topic. */
    publishes?: readonly EventContract[],
  ) {
    this.topic = topicOf(source);
    for (const contract of publishes ?? [])
      if (contract.topic !== this.topic)
        throw new Error(
          `${source} cannot publish ${contract.type}: it belongs to ${contract.topic}`,
        );
    this.publishes = publishes && new Set(publishes.map((contract) => contract.type));
  }

  record<Data>(em: EntityManager, event: NewEvent<Data>): EventEnvelope<Data> {
    // An undeclared event would be missing from the event catalogue and from its consumers' lists.
    const chassisTopic = Outbox.chassisTopics.get(event.type);
    if (!chassisTopic && this.publishes && !this.publishes.has(event.type))
      throw new Error(`${this.source} records ${event.type}, which its events.publishes lacks`);
    const envelope: EventEnvelope<Data> = {
      id: randomUUID(),
      type: event.type,
      version: event.version ?? 1,
      source: this.source,
      subject: event.subject,
      time: new Date().toISOString(),
      data: event.data,
    };
    // The work recording the event is what caused it: its consumers continue this trace.
    const headers = traceHeadersOfActiveSpan();
    const row = em.create(OutboxEvent, {
      eventId: envelope.id,
      topic: chassisTopic ?? this.topic,
      key: envelope.subject,
      envelope: JSON.stringify(envelope),
      headers: Object.keys(headers).length > 0 ? JSON.stringify(headers) : null,
    });
    em.persist(row);
    markRecorded(em, row);
    return envelope;
  }

  /** Runs `work` in a transaction: what it records is published once it commits. */
  transaction<T>(em: EntityManager, work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return em.transactional(work);
  }
}
