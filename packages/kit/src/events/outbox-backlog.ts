import { Gauge, type Registry } from 'prom-client';
import type { EntityManager, Orm } from '../db/open-database.js';
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
  const gauge = (name: string, help: string, read: (em: EntityManager) => Promise<number>) =>
    new Gauge({
      name,
      help,
      labelNames: ['service'],
      registers: [registry],
      async collect() {
        // Only the services measured now: one stopped in this process leaves no stale value.
        this.reset();
        for (const [service, orm] of outboxes) this.set({ service }, await read(orm.em.fork()));
      },
    });
  gauge('outbox_unsent_events', 'Outbox events not yet published', (em) =>
    em.count(OutboxEvent, { sentAt: null }),
  );
  gauge(
    'outbox_oldest_unsent_age_seconds',
    'Age of the oldest outbox event not yet published (0 when none waits)',
    async (em) => {
      const oldest = await em.findOne(OutboxEvent, { sentAt: null }, { orderBy: { id: 'asc' } });
      return oldest ? Math.max(0, (Date.now() - oldest.createdAt.getTime()) / 1000) : 0;
    },
  );
}
