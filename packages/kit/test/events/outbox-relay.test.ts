import { randomBytes } from 'node:crypto';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, openLedgerDatabase, waitFor, type TestDatabase } from '@shop/testkit';
import { describeOnEachDatabase } from '@shop/testkit/each-database';
import type { Orm } from '../../src/db/index.js';
import {
  InProcessTransport,
  Outbox,
  OutboxRelay,
  type OutgoingMessage,
} from '../../src/events/index.js';
import { createLogger } from '../../src/logger.js';

describeOnEachDatabase('the outbox relay ($name)', (kind) => {
  const source = `relay${randomBytes(3).toString('hex')}`;
  const outbox = new Outbox(source, () => relay.notify());
  let database: TestDatabase;
  let orm: Orm;
  let relay: OutboxRelay;
  const published: string[] = [];
  let firstBatchSending: Promise<void>;
  let finishFirstBatch: () => void = () => {};

  beforeAll(async () => {
    database = await createTestDatabase(kind, source);
    orm = await openLedgerDatabase(database.config);
    const transport = new InProcessTransport(new Registry());
    const firstBatchMayFinish = new Promise<void>((resolve) => (finishFirstBatch = resolve));
    let sendingFirst: () => void = () => {};
    firstBatchSending = new Promise<void>((resolve) => (sendingFirst = resolve));
    const publish = transport.publish.bind(transport);
    // The broker takes its time over the first batch, as Kafka does under load.
    transport.publish = async (messages: OutgoingMessage[]) => {
      if (published.length === 0) {
        sendingFirst();
        await firstBatchMayFinish;
      }
      await publish(messages);
      published.push(...messages.map((message) => message.key));
    };
    relay = new OutboxRelay({
      orm,
      transport,
      logger: createLogger('relay-test', { level: 'silent' }),
      service: source,
      metricsRegistry: new Registry(),
      // Longer than the test: only notify() can make the relay send in time.
      pollIntervalMs: 600_000,
    });
  });

  afterAll(async () => {
    await relay.stop();
    await orm.close();
    await database.drop();
  });

  const record = (subject: string) =>
    outbox.transaction(orm.em.fork(), (tx) => {
      outbox.record(tx, { type: 'RelayTested', subject, data: {} });
      return Promise.resolve();
    });

  it('sends a row recorded while it was sending another batch, without waiting for its poll', async () => {
    await record('first');
    relay.start();
    await firstBatchSending;
    await record('second');
    finishFirstBatch();
    await waitFor('both rows sent', () => Promise.resolve(published.length === 2), {
      timeoutMs: 5_000,
    });
    expect(published).toEqual(['first', 'second']);
  });

  it('sends what is pending when it stops, without a notify or a poll', async () => {
    const silent = new Outbox(source);
    await silent.transaction(orm.em.fork(), (tx) => {
      silent.record(tx, { type: 'RelayTested', subject: 'during shutdown', data: {} });
      return Promise.resolve();
    });
    await relay.stop();
    expect(published).toEqual(['first', 'second', 'during shutdown']);
  });

  it('is woken only by a commit that recorded events', async () => {
    let wakes = 0;
    const counted = new Outbox(source, () => wakes++);
    const recording = (tx: Parameters<Parameters<Outbox['transaction']>[1]>[0]) =>
      counted.record(tx, { type: 'RelayTested', subject: 'woken', data: {} });
    await counted.transaction(orm.em.fork(), () => Promise.resolve());
    expect(wakes).toBe(0);
    await expect(
      counted.transaction(orm.em.fork(), (tx) => {
        recording(tx);
        return Promise.reject(new Error('rolled back'));
      }),
    ).rejects.toThrow('rolled back');
    expect(wakes).toBe(0);
    await counted.transaction(orm.em.fork(), (tx) => {
      recording(tx);
      return Promise.resolve();
    });
    expect(wakes).toBe(1);
  });
});
