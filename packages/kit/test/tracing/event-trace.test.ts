import { context, propagation, SpanKind, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  TracerProvider,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, openLedgerDatabase, type TestDatabase } from '@shop/testkit';
import type { Orm } from '../../src/db/index.js';
import { InProcessTransport, Outbox, OutboxEvent, OutboxRelay } from '../../src/events/index.js';
import { createLogger } from '../../src/logger.js';
import { ServiceNameOfSpans } from '../../src/tracing/service-name-of-spans.js';
import { traceLogFields } from '../../src/tracing/trace-log-fields.js';

describe('an event continues the trace of the work that recorded it (embedded)', () => {
  const exporter = new InMemorySpanExporter();
  let database: TestDatabase;
  let orm: Orm;

  beforeAll(async () => {
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    trace.setGlobalTracerProvider(
      new TracerProvider({
        spanProcessors: [new ServiceNameOfSpans(), new SimpleSpanProcessor({ exporter })],
      }),
    );
    database = await createTestDatabase('sqlite', 'event_trace');
    orm = await openLedgerDatabase(database.config);
  });

  afterAll(async () => {
    trace.disable();
    propagation.disable();
    context.disable();
    await orm?.close();
    await database?.drop();
  });

  it('records the trace context with the event, sends it on, and handles it in a child span', async () => {
    const metricsRegistry = new Registry();
    const transport = new InProcessTransport(metricsRegistry);
    const outbox = new Outbox('ledger');
    const relay = new OutboxRelay({
      orm,
      transport,
      logger: createLogger('test', { level: 'silent' }),
      service: 'ledger',
      metricsRegistry,
    });
    const logFields: Record<string, string>[] = [];
    await transport.subscribe({
      group: 'books.entries',
      service: 'books',
      topics: [outbox.topic],
      eventTypes: new Set(['EntryRecorded']),
      handler: async () => void logFields.push(traceLogFields()),
    });

    await trace
      .getTracer('test')
      .startActiveSpan('record', { attributes: { 'service.name': 'ledger' } }, async (span) => {
        await outbox.transaction(orm.em.fork(), async (tx) => {
          outbox.record(tx, { type: 'EntryRecorded', subject: 'entry-1', data: {} });
          outbox.record(tx, { type: 'EntryIgnored', subject: 'entry-1', data: {} });
        });
        span.end();
      });
    const [row] = await orm.em.fork().find(OutboxEvent, {}, { limit: 1 });
    expect(JSON.parse(row!.headers!)).toHaveProperty('traceparent');
    expect(await relay.relayBatch()).toBe(2);

    const spans = exporter.getFinishedSpans();
    const named = (name: string) => spans.filter((span) => span.name === name);
    const [recorded] = named('record');
    const sends = named('send ledger.events');
    const handled = named('process ledger.events');
    const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
    expect(sends).toHaveLength(2);
    for (const send of sends) {
      expect(send.kind).toBe(SpanKind.PRODUCER);
      expect(parentOf(send)).toBe(recorded!.spanContext().spanId);
      expect(send.attributes['service.name']).toBe('ledger');
    }
    // Only the event the consumer takes gets a span, a child of its send, named for the consumer.
    expect(handled).toHaveLength(1);
    expect(handled[0]!.kind).toBe(SpanKind.CONSUMER);
    expect(sends.map((send) => send.spanContext().spanId)).toContain(parentOf(handled[0]!));
    expect(handled[0]!.attributes).toMatchObject({
      'service.name': 'books',
      'messaging.consumer.group.name': 'books.entries',
      'shop.event.type': 'EntryRecorded',
    });
    // The handler's log lines carry the consumer span's ids.
    expect(logFields).toEqual([
      {
        trace_id: recorded!.spanContext().traceId,
        span_id: handled[0]!.spanContext().spanId,
        trace_flags: '01',
      },
    ]);
  });
});
