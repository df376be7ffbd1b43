import { Gauge, Histogram, type Counter, type Registry } from 'prom-client';
import { counterOn, registeredMetric } from '../ops/metrics.js';

/** The relay's counts, labelled by service: the services of one process share the registry. */
export function relayMetricsOn(registry: Registry) {
  return {
    published: counterOn(
      registry,
      'outbox_events_published_total',
      'Outbox rows published to the event transport',
      ['service'],
    ),
    failures: counterOn(
      registry,
      'outbox_relay_failures_total',
      'Relay rounds whose publish failed (rows stayed pending)',
      ['service'],
    ),
  };
}

/** An inbox consumer's events, by outcome, and how long after being recorded each was applied. */
export function inboxMetricsOn(registry: Registry) {
  return {
    consumed: counterOn(
      registry,
      'events_consumed_total',
      'Events handled by a consumer, by outcome (applied, duplicate)',
      ['consumer', 'outcome'],
    ),
    lag: registeredMetric(
      registry,
      'event_end_to_end_lag_seconds',
      (name) =>
        new Histogram({
          name,
          help: 'Time from an event being recorded to a consumer applying it',
          labelNames: ['consumer'],
          buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
          registers: [registry],
        }),
    ),
  };
}

export type InboxMetrics = ReturnType<typeof inboxMetricsOn>;

type DeadLetterCounter = Counter<'group' | 'topic' | 'reason'>;

/** Events a transport's consumer groups gave up on. */
export function deadLettersOn(registry: Registry): DeadLetterCounter {
  return counterOn(
    registry,
    'events_dead_lettered_total',
    'Events a consumer group gave up on and sent to the dead-letter topic, by reason',
    ['group', 'topic', 'reason'],
  );
}

/** How far each partition's consumer group is behind, as Kafka reports it. */
export function partitionLagOn(registry: Registry): Gauge<'group' | 'topic' | 'partition'> {
  return registeredMetric(
    registry,
    'kafka_consumer_lag',
    (name) =>
      new Gauge({
        name,
        help: "Messages of a partition the group has not applied yet, as of the group's latest batch",
        labelNames: ['group', 'topic', 'partition'],
        registers: [registry],
      }),
  );
}

const deadLetterReasons = ['unparseable', 'handler-failed'] as const;

/**
 * The group's dead-letter counts start at zero: Prometheus' `increase()` sees the first dead letter
 * only if the series existed before it.
 */
export function countDeadLettersOf(
  deadLettered: DeadLetterCounter,
  group: string,
  topics: readonly string[],
): void {
  for (const topic of topics)
    for (const reason of deadLetterReasons) deadLettered.inc({ group, topic, reason }, 0);
}
