import { Gauge, type Registry } from 'prom-client';
import type { Orm } from '../db/open-database.js';
import { oldestAgeGauge, type OldestRow } from '../ops/oldest-age-gauge.js';
import { OutboxEvent } from './outbox-event.entity.js';

/** Per registry, the outboxes its scrape reads: one process may host several services. */
const outboxesOf = new WeakMap<Registry, Map<string, Orm>>();

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

function registerBacklogGauges(registry: Registry, outboxes: Map<string, Orm>): void {
  new Gauge({
    name: 'outbox_unsent_events',
    help: 'Outbox events not yet published',
    labelNames: ['service'],
    registers: [registry],
    async collect() {
      // Only the services measured now: one stopped in this process leaves no stale value.
      this.reset();
      for (const [service, orm] of outboxes)
        this.set({ service }, await orm.em.fork().count(OutboxEvent, { sentAt: null }));
    },
  });
  oldestAgeGauge(registry, {
    name: 'outbox_oldest_unsent_age_seconds',
    help: 'Age of the oldest outbox event not yet published (0 when none waits)',
    labelNames: ['service'],
    oldest: () =>
      Promise.all(
        [...outboxes].map(async ([service, orm]): Promise<OldestRow<'service'>> => {
          const oldest = await orm.em
            .fork()
            .findOne(OutboxEvent, { sentAt: null }, { orderBy: { id: 'asc' } });
          return [{ service }, oldest?.createdAt];
        }),
      ),
  });
}
