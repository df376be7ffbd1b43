import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EventEnvelope } from '@shop/contracts';
import type { Registry } from 'prom-client';
import type { EntityManager, Orm } from '../db/open-database.js';
import { inboxMetricsOn, type InboxMetrics } from './event-metrics.js';
import { ProcessedEvent } from './processed-event.entity.js';
import { consumerOf, type ContractsOf, type EventConsumer, type SubscriptionTaking } from './on.js';
import type { EventContext, EventHandler } from './transport.js';

export type ApplyOutcome = 'applied' | 'duplicate';

class AlreadyProcessed extends Error {}

/**
 * Applies an event's effect at most once for this consumer: the inbox row and the effect commit in
 * one transaction, so a redelivered event finds its inbox row and does nothing.
 */
export async function applyOnce(
  em: EntityManager,
  metrics: InboxMetrics,
  consumer: string,
  event: EventEnvelope,
  effect: (tx: EntityManager) => Promise<void>,
): Promise<ApplyOutcome> {
  try {
    await em.fork().transactional(async (tx) => {
      try {
        await tx.insert(ProcessedEvent, { consumer, eventId: event.id, processedAt: new Date() });
      } catch (error) {
        if (error instanceof UniqueConstraintViolationException) throw new AlreadyProcessed();
        throw error;
      }
      await effect(tx);
    });
  } catch (error) {
    if (error instanceof AlreadyProcessed) {
      metrics.consumed.inc({ consumer, outcome: 'duplicate' });
      return 'duplicate';
    }
    throw error;
  }
  metrics.consumed.inc({ consumer, outcome: 'applied' });
  metrics.lag.observe({ consumer }, (Date.now() - Date.parse(event.time)) / 1000);
  return 'applied';
}

/** What an event does to a subgraph, inside the transaction that records it in the inbox. */
export type EventEffect = (tx: EntityManager, event: EventEnvelope) => Promise<void>;

/** Wraps an effect into a transport handler that applies each event once, in its own transaction. */
export function idempotentHandler(
  orm: Orm,
  metricsRegistry: Registry,
  consumer: string,
  effect: EventEffect,
): EventHandler {
  const metrics = inboxMetricsOn(metricsRegistry);
  return async (event) => {
    await applyOnce(orm.em, metrics, consumer, event, (tx) => effect(tx, event));
  };
}

/** What an inbox consumer's subscription is handed: the transaction that records the event. */
export interface InboxContext extends EventContext {
  tx: EntityManager;
}

/**
 * A consumer with an inbox: each event is applied at most once, its subscription's effect in the
 * transaction that records it. One consumer for several events keeps them in one group, so their
 * order per key holds across them (a return's request is applied before its refund).
 */
export function idempotentConsumer<
  const Subscriptions extends readonly SubscriptionTaking<InboxContext>[],
>(orm: Orm, ...subscriptions: Subscriptions): EventConsumer<ContractsOf<Subscriptions>> {
  return consumerOf<InboxContext, Subscriptions>(
    subscriptions,
    async (handle, { group, metricsRegistry, event, context }) => {
      const metrics = inboxMetricsOn(metricsRegistry);
      await applyOnce(orm.em, metrics, group, event, (tx) => handle({ ...context, tx }));
    },
  );
}
