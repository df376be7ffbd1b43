import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Kafka, logLevel } from 'kafkajs';
import { Registry } from 'prom-client';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { killKafka, startKafka } from '@shop/infra';
import { createTestDatabase, probeInfra, waitFor, type TestDatabase } from '@shop/testkit';
import type { Orm } from '../../src/db/index.js';
import {
  KafkaTransport,
  Outbox,
  OutboxEvent,
  OutboxRelay,
  type Subscription,
} from '../../src/events/index.js';
import { createLogger } from '../../src/logger.js';
import { pendingRows } from './event-delivery.contract.js';
import {
  expectedTotals,
  ledgerConsumer,
  ledgerTotals,
  openLedgerDatabase,
  writeLedgerEvents,
} from '@shop/testkit';

const infra = await probeInfra(['mysql', 'kafka']);
const logger = createLogger('kafka-faults', { level: 'silent' });
const metricsRegistry = new Registry();
const consumerProcessScript = fileURLToPath(
  new URL('./fixtures/ledger-consumer-process.ts', import.meta.url),
);
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

describe.skipIf(!infra.ok)('Kafka under faults (MySQL)', () => {
  let source: string;
  let sourceDb: TestDatabase;
  let sinkDb: TestDatabase;
  let sourceOrm: Orm;
  let sinkOrm: Orm;
  let transport: KafkaTransport;
  let outbox: Outbox;
  let relay: OutboxRelay;
  let subscription: Subscription | undefined;
  const brokers = () => (process.env.SHOP_KAFKA_BROKERS ?? '').split(',');

  beforeEach(async () => {
    source = `faults${randomBytes(3).toString('hex')}`;
    sourceDb = await createTestDatabase('mysql', `${source}_source`);
    sinkDb = await createTestDatabase('mysql', `${source}_sink`);
    sourceOrm = await openLedgerDatabase(sourceDb.config);
    sinkOrm = await openLedgerDatabase(sinkDb.config);
    transport = new KafkaTransport({
      clientId: source,
      brokers: brokers(),
      logger,
      metricsRegistry,
    });
    outbox = new Outbox(source);
    relay = new OutboxRelay({
      orm: sourceOrm,
      transport,
      logger,
      service: source,
      metricsRegistry,
      maxBackoffMs: 2000,
    });
  });

  afterEach(async () => {
    await relay.stop();
    await subscription?.stop();
    subscription = undefined;
    await transport.close();
    await sourceOrm.close();
    await sinkOrm.close();
    await sourceDb.drop();
    await sinkDb.drop();
  });

  afterAll(async () => {
    // Whatever happened above, leave a running broker for the suites after this one.
    await startKafka();
  });

  beforeAll(async () => {
    await startKafka();
  });

  /**
   * Waits until `group` has committed every message on `topic`. With the outbox drained, nothing
   * is left that could still reach the ledger, a late duplicate included: the consumer commits
   * only what it has applied, and a redelivery starts after the last commit.
   */
  async function consumedToTheEnd(group: string, topic: string): Promise<void> {
    const admin = new Kafka({
      clientId: `${group}-offsets`,
      brokers: brokers(),
      logLevel: logLevel.NOTHING,
    }).admin();
    await admin.connect();
    try {
      await waitFor(
        `${group} to commit the end of ${topic}`,
        async () => {
          const [ends, [committed]] = await Promise.all([
            admin.fetchTopicOffsets(topic),
            admin.fetchOffsets({ groupId: group, topics: [topic] }),
          ]);
          const committedOn = (partition: number) =>
            committed?.partitions.find((entry) => entry.partition === partition)?.offset;
          // An empty partition has nothing to commit (its offset stays -1).
          return ends.every(
            ({ partition, high }) => high === '0' || committedOn(partition) === high,
          );
        },
        { timeoutMs: 60_000 },
      );
    } finally {
      await admin.disconnect();
    }
  }

  async function subscribeInProcess(): Promise<void> {
    await transport.ensureTopics([outbox.topic]);
    subscription = await transport.subscribe({
      group: `${source}-ledger`,
      topics: [outbox.topic],
      handler: ledgerConsumer(sinkOrm, metricsRegistry, `${source}-ledger`),
    });
  }

  it('loses and duplicates nothing when the broker is SIGKILLed and restarted mid-stream', async () => {
    const count = 10_000;
    await subscribeInProcess();
    relay.start();
    const writing = writeLedgerEvents(sourceOrm, outbox, { count, perTransaction: 50 });
    await waitFor(
      'a fifth of the stream applied',
      async () => (await ledgerTotals(sinkOrm)).rows >= count / 5,
      {
        timeoutMs: 120_000,
      },
    );
    // killKafka returns once the broker is gone; it stays down until startKafka finds it healthy.
    await killKafka();
    await startKafka();
    await writing;
    await waitFor(
      'every event applied after the restart',
      async () => (await ledgerTotals(sinkOrm)).rows >= count,
      {
        timeoutMs: 240_000,
      },
    );
    await waitFor('outbox drained', async () => (await pendingRows(sourceOrm)) === 0, {
      timeoutMs: 60_000,
    });
    await consumedToTheEnd(`${source}-ledger`, outbox.topic);
    expect(await ledgerTotals(sinkOrm)).toEqual(expectedTotals(count));
  }, 420_000);

  it('loses and duplicates nothing when a consumer process is SIGKILLed mid-batch', async () => {
    const count = 10_000;
    const group = `${source}-ledger`;
    await transport.ensureTopics([outbox.topic]);
    relay.start();
    await writeLedgerEvents(sourceOrm, outbox, { count, perTransaction: 500 });
    await waitFor('outbox drained', async () => (await pendingRows(sourceOrm)) === 0, {
      timeoutMs: 120_000,
    });

    const first = startConsumerProcess(group, sinkDb, outbox.topic, 2);
    await waitFor(
      'the first consumer applied some',
      async () => (await ledgerTotals(sinkOrm)).rows >= 2000,
      {
        timeoutMs: 120_000,
      },
    );
    first.kill('SIGKILL');
    const killedAt = (await ledgerTotals(sinkOrm)).rows;
    expect(killedAt).toBeLessThan(count);

    const second = startConsumerProcess(group, sinkDb, outbox.topic, 0);
    try {
      await waitFor(
        'the second consumer finished the stream',
        async () => (await ledgerTotals(sinkOrm)).rows >= count,
        {
          timeoutMs: 240_000,
        },
      );
      await consumedToTheEnd(group, outbox.topic);
      expect(await ledgerTotals(sinkOrm)).toEqual(expectedTotals(count));
    } finally {
      second.kill('SIGKILL');
    }
  }, 420_000);

  it('keeps rows pending while the broker is unreachable and delivers them once it is back', async () => {
    const count = 200;
    await subscribeInProcess();
    await killKafka();
    try {
      relay.start();
      await writeLedgerEvents(sourceOrm, outbox, { count, perTransaction: 20 });
      await waitFor(
        'failed publish attempts recorded on every row',
        async () =>
          (await sourceOrm.em.fork().count(OutboxEvent, { attempts: { $gte: 1 } })) === count,
        { timeoutMs: 120_000 },
      );
      expect(await pendingRows(sourceOrm)).toBe(count);
      const [row] = await sourceOrm.em.fork().find(OutboxEvent, {}, { limit: 1 });
      expect(row?.lastError).toBeTruthy();
    } finally {
      await startKafka();
    }
    await waitFor(
      'outbox drained once the broker is back',
      async () => (await pendingRows(sourceOrm)) === 0,
      {
        timeoutMs: 120_000,
      },
    );
    await waitFor('every event applied', async () => (await ledgerTotals(sinkOrm)).rows >= count, {
      timeoutMs: 120_000,
    });
    await consumedToTheEnd(`${source}-ledger`, outbox.topic);
    expect(await ledgerTotals(sinkOrm)).toEqual(expectedTotals(count));
  }, 360_000);
});

function startConsumerProcess(
  group: string,
  sink: TestDatabase,
  topic: string,
  slowMs: number,
): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', consumerProcessScript], {
    cwd: repoRoot,
    env: {
      ...process.env,
      LEDGER_DATABASE: JSON.stringify(sink.config),
      LEDGER_GROUP: group,
      LEDGER_TOPIC: topic,
      LEDGER_SLOW_MS: String(slowMs),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return child;
}
