import { afterAll, beforeAll, expect, it } from 'vitest';
import { Registry } from 'prom-client';
import { createTestDatabase, openLedgerDatabase, type TestDatabase } from '@shop/testkit';
import { describeOnEachDatabase } from '@shop/testkit/each-database';
import type { Orm } from '../../src/db/index.js';
import { Outbox, OutboxEvent } from '../../src/events/index.js';
import { measureOutboxBacklog } from '../../src/events/outbox-backlog.js';

/** The value of one sample, by metric name and service label, from the registry's text. */
async function sampleOf(registry: Registry, name: string, service: string): Promise<number> {
  const line = (await registry.metrics())
    .split('\n')
    .find((candidate) => candidate.startsWith(`${name}{service="${service}"}`));
  if (!line) throw new Error(`no ${name} for ${service}`);
  return Number(line.split(' ').at(-1));
}

describeOnEachDatabase('the outbox backlog, read at each scrape (%s)', (kind) => {
  let database: TestDatabase;
  let orm: Orm;

  beforeAll(async () => {
    database = await createTestDatabase(kind, 'outbox_backlog');
    orm = await openLedgerDatabase(database.config);
  });
  afterAll(async () => {
    await orm?.close();
    await database?.drop();
  });

  it('counts unsent events and ages the oldest, whoever should have sent them', async () => {
    const registry = new Registry();
    const stop = measureOutboxBacklog(registry, 'ledger', orm);
    expect(await sampleOf(registry, 'outbox_unsent_events', 'ledger')).toBe(0);
    expect(await sampleOf(registry, 'outbox_oldest_unsent_age_seconds', 'ledger')).toBe(0);

    // Recorded with no relay running: it waits, and the gauges say so.
    const outbox = new Outbox('ledger');
    await outbox.transaction(orm.em.fork(), async (tx) => {
      outbox.record(tx, { type: 'EntryRecorded', subject: 'entry-1', data: {} });
      outbox.record(tx, { type: 'EntryRecorded', subject: 'entry-2', data: {} });
    });
    const minuteAgo = new Date(Date.now() - 60_000);
    const [first] = await orm.em.fork().find(OutboxEvent, {}, { orderBy: { id: 'asc' } });
    await orm.em.fork().nativeUpdate(OutboxEvent, { id: first!.id }, { createdAt: minuteAgo });
    expect(await sampleOf(registry, 'outbox_unsent_events', 'ledger')).toBe(2);
    expect(
      await sampleOf(registry, 'outbox_oldest_unsent_age_seconds', 'ledger'),
    ).toBeGreaterThanOrEqual(60);
    expect(await sampleOf(registry, 'outbox_oldest_unsent_age_seconds', 'ledger')).toBeLessThan(
      120,
    );

    // Sent, the backlog is gone.
    await orm.em.fork().nativeUpdate(OutboxEvent, {}, { sentAt: new Date() });
    expect(await sampleOf(registry, 'outbox_unsent_events', 'ledger')).toBe(0);
    expect(await sampleOf(registry, 'outbox_oldest_unsent_age_seconds', 'ledger')).toBe(0);
    stop();
  });
});
