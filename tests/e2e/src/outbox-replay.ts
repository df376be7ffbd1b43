// Redelivery through the real event path: outbox rows marked unsent are published again by their
// service's relay, with the same event ids, to every consumer of their topics.
import { consumerMetrics, OutboxEvent } from '@shop/kit/events';
import type { StartedServices } from '@shop/testkit';
import { waitFor } from '@shop/testkit';

/** The newest outbox row of each service: what a later replay starts after. */
export async function outboxMarks(
  shop: StartedServices,
  services: string[],
): Promise<Record<string, number>> {
  const marks: Record<string, number> = {};
  for (const name of services) {
    const [newest] = await shop.services
      .get(name)!
      .orm.em.fork()
      .find(OutboxEvent, {}, { orderBy: { id: 'desc' }, limit: 1 });
    marks[name] = newest?.id ?? 0;
  }
  return marks;
}

async function duplicatesSeenBy(consumer: string): Promise<number> {
  const { values } = await consumerMetrics.consumed.get();
  return values
    .filter((value) => value.labels.consumer === consumer && value.labels.outcome === 'duplicate')
    .reduce((sum, value) => sum + value.value, 0);
}

/**
 * Publishes again every event the services recorded and sent after their marks, and resolves once
 * each of `consumers` (each reads all their topics) has seen every one of them again as a
 * duplicate.
 */
export async function replayOutbox(
  shop: StartedServices,
  marks: Record<string, number>,
  consumers: string[],
): Promise<number> {
  const before = await Promise.all(consumers.map(duplicatesSeenBy));
  let replayed = 0;
  for (const [name, mark] of Object.entries(marks))
    replayed += await shop.services
      .get(name)!
      .orm.em.fork()
      .nativeUpdate(OutboxEvent, { id: { $gt: mark }, sentAt: { $ne: null } }, { sentAt: null });
  for (const [index, consumer] of consumers.entries())
    await waitFor(
      `${consumer} to see ${replayed} replayed events`,
      async () => (await duplicatesSeenBy(consumer)) - before[index]! >= replayed,
      { timeoutMs: 30_000, intervalMs: 100 },
    );
  return replayed;
}
