import {
  context,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Span,
} from '@opentelemetry/api';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { EventEnvelope } from '@shop/contracts';
import {
  contextOfTraceHeaders,
  traceHeadersOf,
  type TraceHeaders,
} from '../tracing/trace-headers.js';
import type { EventTransport } from './transport.js';

/** Taken when a span is made, never earlier: see start-tracing.ts. */
const tracer = () => trace.getTracer('@shop/kit/events');

/** OpenTelemetry's messaging attributes (incubating in semantic-conventions, so spelt out here). */
const messaging = {
  system: 'messaging.system',
  operationType: 'messaging.operation.type',
  destination: 'messaging.destination.name',
  messageId: 'messaging.message.id',
  kafkaKey: 'messaging.kafka.message.key',
  consumerGroup: 'messaging.consumer.group.name',
} as const;

export function recordFailure(span: Span, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  span.recordException(error instanceof Error ? error : message);
  span.setStatus({ code: SpanStatusCode.ERROR, message });
}

export interface SendSpan {
  /** What the message carries on: the send span's context (none when nothing is traced). */
  headers: TraceHeaders | undefined;
  end(error?: unknown): void;
}

/**
 * The span of one outbox row handed to the transport, a child of the context its event was
 * recorded in (the row's headers): the work that caused an event and the event's consumers share
 * one trace, though the relay sends it later, from a loop of its own.
 */
export function startSendSpan(
  service: string,
  system: EventTransport['kind'],
  row: { topic: string; key: string; eventId: string; headers?: TraceHeaders | null },
): SendSpan {
  const span = tracer().startSpan(
    `send ${row.topic}`,
    {
      kind: SpanKind.PRODUCER,
      attributes: {
        [ATTR_SERVICE_NAME]: service,
        [messaging.system]: system,
        [messaging.operationType]: 'send',
        [messaging.destination]: row.topic,
        [messaging.messageId]: row.eventId,
        ...(system === 'kafka' ? { [messaging.kafkaKey]: row.key } : {}),
      },
    },
    contextOfTraceHeaders(row.headers),
  );
  const headers = traceHeadersOf(trace.setSpan(ROOT_CONTEXT, span));
  return {
    headers: Object.keys(headers).length > 0 ? headers : undefined,
    end: (error) => {
      if (error !== undefined) recordFailure(span, error);
      span.end();
    },
  };
}

export interface ProcessedEvent {
  /** The consuming service (the span's `service.name`). */
  service: string | undefined;
  system: EventTransport['kind'];
  topic: string;
  group: string;
  event: EventEnvelope;
  headers: TraceHeaders | undefined;
}

/**
 * Runs a consumer's handling of one event (its retries included) in a span that is a child of
 * the send span (the message's headers), and active meanwhile: the handler's calls and the events
 * it records continue the same trace.
 */
export function processInSpan<Result>(
  processed: ProcessedEvent,
  work: (span: Span) => Promise<Result>,
): Promise<Result> {
  const parent = contextOfTraceHeaders(processed.headers);
  const span = tracer().startSpan(
    `process ${processed.topic}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        ...(processed.service ? { [ATTR_SERVICE_NAME]: processed.service } : {}),
        [messaging.system]: processed.system,
        [messaging.operationType]: 'process',
        [messaging.destination]: processed.topic,
        [messaging.consumerGroup]: processed.group,
        [messaging.messageId]: processed.event.id,
        'shop.event.type': processed.event.type,
      },
    },
    parent,
  );
  return context.with(trace.setSpan(parent, span), async () => {
    try {
      return await work(span);
    } finally {
      span.end();
    }
  });
}
