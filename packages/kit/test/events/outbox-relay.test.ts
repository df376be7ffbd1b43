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

  /** A relay of its own on the test's database, and the keys its transport was handed, in order. */
  function relayWithTransport(
    options: { pollIntervalMs?: number; orphanedAfterMs?: number },
    publish: (messages: OutgoingMessage[]) => Promise<void> = () => Promise.resolve(),
  ) {
    const keys: string[] = [];
    const transport = new InProcessTransport(new Registry());
    transport.publish = async (messages: OutgoingMessage[]) => {
      await publish(messages);
      keys.push(...messages.map((message) => message.key));
    };
    const own = new OutboxRelay({
      orm,
      transport,
      logger: createLogger('relay-test', { level: 'silent' }),
      service: source,
      metricsRegistry: new Registry(),
      maxBackoffMs: 200,
      ...options,
    });
    return { relay: own, keys };
  }

  const insertUnannounced = (key: string, createdAt: Date) =>
    orm.em.fork().insert(OutboxEvent, {
      eventId: randomUUID(),
      topic: outbox.topic,
      key,
      envelope: JSON.stringify({ id: randomUUID(), type: 'RelayTested', subject: key }),
      createdAt,
    });

  it('leaves a pending row no commit announced to its writer until it is orphaned, then polls it out', async () => {
    const orphanedAfterMs = 2000;
    const { relay: polling, keys } = relayWithTransport({ pollIntervalMs: 50, orphanedAfterMs });
    const anHourAgo = () => new Date(Date.now() - 3_600_000);
    // Written by a process that died long ago: out at the start or at the first poll after it.
    await insertUnannounced('long orphaned', anHourAgo());
    polling.start();
    try {
      await waitFor('the old row sent', () => keys.length === 1, { timeoutMs: 10_000 });
      // Now only polls run: an old row, and one its writer may still be sending itself.
      await insertUnannounced('orphaned too', anHourAgo());
      const youngWrittenAt = Date.now();
      await insertUnannounced('just written', new Date(youngWrittenAt));
      await waitFor('the young row polled out', () => keys.includes('just written'), {
        timeoutMs: 10_000,
        intervalMs: 20,
      });
      // MySQL's datetime keeps whole seconds: a row may pass for up to a second older than it is.
      expect(Date.now() - youngWrittenAt).toBeGreaterThanOrEqual(orphanedAfterMs - 1000);
      expect(keys).toEqual(['long orphaned', 'orphaned too', 'just written']);
    } finally {
      await polling.stop();
    }
  });

  it('sends the rows of a failed send before any newer row, in id order, their attempts recorded', async () => {
    let failing = true;
    let failures = 0;
    let failed: () => void = () => {};
    const firstFailure = new Promise<void>((resolve) => (failed = resolve));
    const { relay: flaky, keys } = relayWithTransport({ pollIntervalMs: 600_000 }, async () => {
      if (!failing) return;
      failures++;
      failed();
      throw new Error('broker unreachable');
    });
    flaky.start();
    try {
      await record('failed first');
      await firstFailure;
      const [failedRow] = await orm.em.fork().find(OutboxEvent, { key: 'failed first' });
      await waitFor('the failed attempt recorded', async () => {
        await orm.em.fork().refresh(failedRow!);
        return failedRow!.attempts >= 1;
      });
      expect(failedRow!.lastError).toContain('broker unreachable');
      await record('recorded after');
      failing = false;
      await waitFor('both rows sent', () => keys.length === 2, { timeoutMs: 10_000 });
      expect(keys).toEqual(['failed first', 'recorded after']);
      // Every failed send held the row, the first (from memory) as well as the retries.
      await orm.em.fork().refresh(failedRow!);
      expect(failedRow!.attempts).toBe(failures);
    } finally {
      await flaky.stop();
    }
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
    // With the rows it committed: the relay sends them from memory, without reading them.
    const committed = await orm.em
      .fork()
      .find(OutboxEvent, { key: 'woken twice' }, { orderBy: { id: 'asc' } });
    expect(notify).toHaveBeenCalledOnce();
    const notified = notify.mock.calls[0]![0]!;
    expect(notified.map((row) => [row.id, row.eventId])).toEqual(
      committed.map((row) => [row.id, row.eventId]),
    );
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
