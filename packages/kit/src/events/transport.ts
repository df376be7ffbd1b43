import type { EventEnvelope } from '@shop/contracts';
import type { TraceHeaders } from '../tracing/trace-headers.js';

/** One outbox row on its way to the transport. `value` is the envelope as recorded (JSON). */
export interface OutgoingMessage {
  topic: string;
  key: string;
  value: string;
  /** The trace the event continues (`traceparent`), as Kafka headers. */
  headers?: TraceHeaders;
}

export interface EventContext {
  topic: string;
  /** 1 on first delivery; higher when the transport retries a failed handler. */
  attempt: number;
}

export type EventHandler = (event: EventEnvelope, context: EventContext) => Promise<void>;

export interface SubscribeOptions {
  /** Consumer group: every group gets every event once; members of one group share the work. */
  group: string;
  /** The consuming service, which names the span of each event it handles. */
  service?: string;
  topics: string[];
  /** The event types the handler takes; others on its topics pass by unhandled (and untraced). */
  eventTypes?: ReadonlySet<string>;
  handler: EventHandler;
  /** Attempts per event before it is parked on `<topic>.dlq` and the partition moves on. */
  maxAttempts?: number;
  retryDelayMs?: number;
}

export interface Subscription {
  stop(): Promise<void>;
}

/**
 * Carries events between subgraphs. Kafka in real runs, an in-process bus in the embedded run;
 * both give at-least-once delivery per consumer group, in order per key, with a dead-letter topic.
 */
export interface EventTransport {
  readonly kind: 'kafka' | 'in-process';
  /** Creates the topics (and their dead-letter topics) if they do not exist. */
  ensureTopics(topics: string[]): Promise<void>;
  /** Resolves once the transport has durably taken every message; rejects if any was not. */
  publish(messages: OutgoingMessage[]): Promise<void>;
  subscribe(options: SubscribeOptions): Promise<Subscription>;
  close(): Promise<void>;
}

export const defaultMaxAttempts = 5;
export const defaultRetryDelayMs = 200;
