import { raw } from '@mikro-orm/core';
import { Gauge, type Registry } from 'prom-client';
import type { Orm } from '../db/open-database.js';
import { oldestAgeGauge } from '../ops/oldest-age-gauge.js';
import { OutboxEvent } from './outbox-event.entity.js';

/** Per registry, the outboxes its scrape reads: one process may host several services. */
const outboxesOf = new WeakMap<Registry, Map<string, Orm>>();

interface Backlog {
  service: string;
  unsent: number;
  /** When the oldest unsent event was recorded; none when nothing waits. */
  oldest: Date | undefined;
}

/**
 * `outbox_unsent_events{service}` and `outbox_oldest_unsent_age_seconds{service}`, read from the
 * outbox table at each scrape: measured in the database rather than by the relay, so a relay that
 * stopped or cannot publish shows as an age that keeps growing. Returns the removal for shutdown.
 */
export function measureOutboxBacklog(registry: Registry, service: string, orm: Orm): () => void {
  let outboxes = outboxesOf.get(registry);
  if (!outboxes) {
    outboxes = new Map();
    outboxesOf.set(registry, outboxes);
    registerBacklogGauges(registry, outboxes);
  }
  outboxes.set(service, orm);
  return () => outboxes.delete(service);
}

/** One statement per outbox for both figures. */
async function backlogOf(service: string, orm: Orm): Promise<Backlog> {
  const [row] = await orm.em
    .fork()
    .createQueryBuilder(OutboxEvent)
    .select([raw('count(*) as unsent'), raw('min(created_at) as oldest')])
    .where({ sentAt: null })
    .execute<{ unsent: number | string; oldest: Date | string | number | null }[]>('all', false);
  const oldest = row?.oldest;
  return {
    service,
    unsent: Number(row?.unsent ?? 0),
    oldest: oldest === null || oldest === undefined ? undefined : new Date(oldest),
  };
}

function registerBacklogGauges(registry: Registry, outboxes: Map<string, Orm>): void {
  // A scrape collects both gauges at once: they share one reading, dropped once it is read.
  let reading: Promise<Backlog[]> | undefined;
  const backlogs = () =>
    (reading ??= Promise.all(
      // Only the services measured now: one stopped in this process leaves no stale value.
      [...outboxes].map(([service, orm]) => backlogOf(service, orm)),
    ).finally(() => (reading = undefined)));
  new Gauge({
    name: 'outbox_unsent_events',
    help: 'Outbox events not yet published',
    labelNames: ['service'],
    registers: [registry],
    async collect() {
      const read = await backlogs();
      this.reset();
      for (const { service, unsent } of read) this.set({ service }, unsent);
    },
  });
  oldestAgeGauge(registry, {
    name: 'outbox_oldest_unsent_age_seconds',
    help: 'Age of the oldest outbox event not yet published (0 when none waits)',
    labelNames: ['service'],
    oldest: async () => (await backlogs()).map(({ service, oldest }) => [{ service }, oldest]),
  });
}
