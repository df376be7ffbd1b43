// Redelivery through the real event path: outbox rows marked unsent are published again by their
// service's relay, with the same event ids, to every consumer of their topics.
import type { EventEnvelope } from '@shop/contracts';
import { inboxMetricsOn, OutboxEvent } from '@shop/kit/events';
import { idempotentConsumerGroup } from '@shop/kit/service';
import type { StartedServices } from '@shop/testkit';
import { waitFor } from '@shop/testkit';
import { subgraphs } from '../../../scripts/subgraphs.js';

/** The event types each consumer group declares: the only ones it is handed. */
const typesConsumedBy = new Map(
  subgraphs.flatMap((definition) =>
    Object.entries(definition.events.consumes).map(([consumer, contracts]) => [
      idempotentConsumerGroup(definition.name, consumer),
      new Set(contracts.map((contract) => contract.type)),
    ]),
  ),
);

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

async function duplicatesSeenBy(shop: StartedServices, consumer: string): Promise<number> {
  const { values } = await inboxMetricsOn(shop.runtime.metricsRegistry).consumed.get();
  return values
    .filter((value) => value.labels.consumer === consumer && value.labels.outcome === 'duplicate')
    .reduce((sum, value) => sum + value.value, 0);
}

/**
 * Publishes again every event the services recorded and sent after their marks, and resolves once
 * each of `consumers` has seen every one of them it consumes again as a duplicate. Returns how
 * many events were published again.
 */
export async function replayOutbox(
  shop: StartedServices,
  marks: Record<string, number>,
  consumers: string[],
): Promise<number> {
  const before = await Promise.all(consumers.map((consumer) => duplicatesSeenBy(shop, consumer)));
  const replayedTypes: string[] = [];
  for (const [name, mark] of Object.entries(marks)) {
    const em = shop.services.get(name)!.orm.em.fork();
    const sent = await em.find(OutboxEvent, { id: { $gt: mark }, sentAt: { $ne: null } });
    replayedTypes.push(...sent.map((row) => (JSON.parse(row.envelope) as EventEnvelope).type));
    await em.nativeUpdate(
      OutboxEvent,
      { id: { $in: sent.map((row) => row.id) } },
      { sentAt: null },
    );
  }
  for (const [index, consumer] of consumers.entries()) {
    const consumed = typesConsumedBy.get(consumer);
    if (!consumed) throw new Error(`no consumer group ${consumer} is declared`);
    const expected = replayedTypes.filter((type) => consumed.has(type)).length;
    await waitFor(
      `${consumer} to see ${expected} replayed events`,
      async () => (await duplicatesSeenBy(shop, consumer)) - before[index]! >= expected,
      { timeoutMs: 30_000, intervalMs: 100 },
    );
  }
  return replayedTypes.length;
}
