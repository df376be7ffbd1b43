import { randomBytes, randomUUID } from 'node:crypto';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createTestDatabase, openLedgerDatabase, waitFor, type TestDatabase } from '@shop/testkit';
import { describeOnEachDatabase } from '@shop/testkit/each-database';
import type { Orm } from '../../src/db/index.js';
import {
  InProcessTransport,
  Outbox,
  OutboxEvent,
  OutboxRelay,
  type OutgoingMessage,
} from '../../src/events/index.js';
import { createLogger } from '../../src/logger.js';

describeOnEachDatabase('the outbox relay ($name)', (kind) => {
  const source = `relay${randomBytes(3).toString('hex')}`;
  const outbox = new Outbox(source);
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

  it('sends what is pending when it stops, with no commit announcing it and before its poll', async () => {
    // A row no commit announced: a process wrote it and died before its relay sent it.
    await orm.em.fork().insert(OutboxEvent, {
      eventId: randomUUID(),
      topic: outbox.topic,
      key: 'during shutdown',
      envelope: JSON.stringify({
        id: randomUUID(),
        type: 'RelayTested',
        subject: 'during shutdown',
      }),
      createdAt: new Date(),
    });
    await relay.stop();
    expect(published).toEqual(['first', 'second', 'during shutdown']);
  });

  it('is woken by every commit that recorded events, and by no other', async () => {
    const woken = new OutboxRelay({
      orm,
      transport: new InProcessTransport(new Registry()),
      logger: createLogger('relay-test', { level: 'silent' }),
      service: source,
      metricsRegistry: new Registry(),
    });
    const notify = vi.spyOn(woken, 'notify');
    const event = { type: 'RelayTested', subject: 'woken', data: {} };
    await outbox.transaction(orm.em.fork(), () => Promise.resolve());
    await expect(
      outbox.transaction(orm.em.fork(), (tx) => {
        outbox.record(tx, event);
        return Promise.reject(new Error('rolled back'));
      }),
    ).rejects.toThrow('rolled back');
    expect(notify).not.toHaveBeenCalled();
    await outbox.transaction(orm.em.fork(), (tx) => {
      outbox.record(tx, { ...event, subject: 'woken twice' });
      outbox.record(tx, { ...event, subject: 'woken twice' });
      return Promise.resolve();
    });
    // With the rows it committed: the relay knows they are pending without looking.
    const committed = await orm.em
      .fork()
      .find(OutboxEvent, { key: 'woken twice' }, { orderBy: { id: 'asc' } });
    expect(notify).toHaveBeenCalledExactlyOnceWith(committed.map((row) => row.id));
    // An event consumer's inbox transaction, the ORM's own: it records too.
    await orm.em.fork().transactional((tx) => {
      outbox.record(tx, event);
      return Promise.resolve();
    });
    expect(notify).toHaveBeenCalledTimes(2);
    // A flush outside any transaction of ours commits in one of its own.
    const em = orm.em.fork();
    outbox.record(em, event);
    await em.flush();
    expect(notify).toHaveBeenCalledTimes(3);
    await woken.stop();
  });
});
