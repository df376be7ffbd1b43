import { randomBytes } from 'node:crypto';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, waitFor, type TestDatabase } from '@shop/testkit';
import type { Orm } from '../../src/db/index.js';
import {
  Outbox,
  OutboxEvent,
  OutboxRelay,
  type EventTransport,
  type Subscription,
} from '../../src/events/index.js';
import { inboxMetricsOn } from '../../src/events/event-metrics.js';
import { createLogger } from '../../src/logger.js';
import {
  expectedTotals,
  ledgerConsumer,
  ledgerEventType,
  ledgerTotals,
  openLedgerDatabase,
  writeLedgerEvents,
  type LedgerEventData,
} from '@shop/testkit';

export interface DeadLetterView {
  key: string;
  error: string;
}

/** What a transport brings to the contract suite. */
export interface TransportHarness {
  name: string;
  database: 'sqlite' | 'mysql';
  createTransport(clientId: string, metricsRegistry: Registry): EventTransport;
  readDeadLetters(transport: EventTransport, topic: string): Promise<DeadLetterView[]>;
}

export const eventCount = 10_000;

/**
 * The contract every event transport passes: outbox → relay → transport → idempotent consumer
 * applies each event exactly once, duplicates change nothing, poison goes to the dead letters.
 */
export function describeEventDeliveryContract(harness: TransportHarness): void {
  describe(`event delivery contract on ${harness.name}`, () => {
    const logger = createLogger('contract-test', { level: 'silent' });
    const source = `contract${randomBytes(3).toString('hex')}`;
    const outbox = new Outbox(source);
    const metricsRegistry = new Registry();
    let sourceDb: TestDatabase;
    let sinkDb: TestDatabase;
    let sourceOrm: Orm;
    let sinkOrm: Orm;
    let transport: EventTransport;
    let relay: OutboxRelay;
    const subscriptions: Subscription[] = [];

    beforeAll(async () => {
      sourceDb = await createTestDatabase(harness.database, `${source}_source`);
      sinkDb = await createTestDatabase(harness.database, `${source}_sink`);
      sourceOrm = await openLedgerDatabase(sourceDb.config);
      sinkOrm = await openLedgerDatabase(sinkDb.config);
      transport = harness.createTransport(source, metricsRegistry);
      await transport.ensureTopics([outbox.topic]);
      relay = new OutboxRelay({
        orm: sourceOrm,
        transport,
        logger,
        service: source,
        metricsRegistry,
      });
      subscriptions.push(
        await transport.subscribe({
          group: `${source}-ledger`,
          topics: [outbox.topic],
          handler: ledgerConsumer(sinkOrm, metricsRegistry, `${source}-ledger`),
          maxAttempts: 3,
          retryDelayMs: 10,
        }),
      );
      relay.start();
    });

    afterAll(async () => {
      await relay?.stop();
      for (const subscription of subscriptions) await subscription.stop();
      await transport?.close();
      await sourceOrm?.close();
      await sinkOrm?.close();
      await sourceDb?.drop();
      await sinkDb?.drop();
    });

    it(`applies each of ${eventCount.toLocaleString('en')} outboxed events exactly once`, async () => {
      await writeLedgerEvents(sourceOrm, outbox, { count: eventCount });
      const expected = expectedTotals(eventCount);
      await waitFor(
        'every event applied',
        async () => (await ledgerTotals(sinkOrm)).rows >= eventCount,
        {
          timeoutMs: 180_000,
        },
      );
      await waitFor('outbox drained', async () => (await pendingRows(sourceOrm)) === 0);
      expect(await ledgerTotals(sinkOrm)).toEqual(expected);
    });

    it('changes nothing when every event is delivered a second time', async () => {
      const before = await ledgerTotals(sinkOrm);
      // Put every row back to pending: the relay publishes all of them again.
      await sourceOrm.em.fork().nativeUpdate(OutboxEvent, {}, { sentAt: null });
      relay.notify();
      await waitFor('outbox drained again', async () => (await pendingRows(sourceOrm)) === 0, {
        timeoutMs: 180_000,
      });
      // The relay marks rows sent once the transport has them; give the consumer time to see them.
      await waitFor(
        'every redelivered event seen as a duplicate',
        async () => (await duplicatesSeen(metricsRegistry, `${source}-ledger`)) >= eventCount,
        { timeoutMs: 60_000 },
      );
      expect(await ledgerTotals(sinkOrm)).toEqual(before);
    });

    it('dead-letters a poison event after its retries and keeps the partition moving', async () => {
      const before = await ledgerTotals(sinkOrm);
      const key = 'poisoned-account';
      await outbox.transaction(sourceOrm.em.fork(), async (tx) => {
        outbox.record<LedgerEventData>(tx, {
          type: ledgerEventType,
          subject: key,
          data: { sequence: -1, amount: 1, poison: true },
        });
        // Same key, so same partition: these wait behind the poison event.
        for (let sequence = eventCount; sequence < eventCount + 20; sequence++) {
          outbox.record<LedgerEventData>(tx, {
            type: ledgerEventType,
            subject: key,
            data: { sequence, amount: 1 },
          });
        }
      });
      await waitFor(
        'events behind the poison applied',
        async () => (await ledgerTotals(sinkOrm)).rows === before.rows + 20,
        {
          timeoutMs: 60_000,
        },
      );
      const deadLetters = await waitFor('poison dead-lettered', async () => {
        const letters = await harness.readDeadLetters(transport, outbox.topic);
        return letters.length > 0 ? letters : undefined;
      });
      expect(deadLetters).toHaveLength(1);
      expect(deadLetters[0]).toMatchObject({
        key,
        error: expect.stringContaining('poison event -1'),
      });
      expect(await ledgerTotals(sinkOrm)).toMatchObject({ amount: before.amount + 20 });
    });
  });
}

export async function pendingRows(orm: Orm): Promise<number> {
  return orm.em.fork().count(OutboxEvent, { sentAt: null });
}

/** How many redelivered events the consumer recognised and skipped. */
async function duplicatesSeen(metricsRegistry: Registry, consumer: string): Promise<number> {
  const { values } = await inboxMetricsOn(metricsRegistry).consumed.get();
  return (
    values.find((v) => v.labels.consumer === consumer && v.labels.outcome === 'duplicate')?.value ??
    0
  );
}
