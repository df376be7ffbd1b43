import { Counter, Gauge, Histogram } from 'prom-client';

/** Event metrics on the default registry, labelled by service so one process can host many. */
export const relayMetrics = {
  published: new Counter({
    name: 'outbox_events_published_total',
    help: 'Outbox rows published to the event transport',
    labelNames: ['service'],
  }),
  failures: new Counter({
    name: 'outbox_relay_failures_total',
    help: 'Relay rounds whose publish failed (rows stayed pending)',
    labelNames: ['service'],
  }),
};

export const consumerMetrics = {
  consumed: new Counter({
    name: 'events_consumed_total',
    help: 'Events handled by a consumer, by outcome (applied, duplicate)',
    labelNames: ['consumer', 'outcome'],
  }),
  lag: new Histogram({
    name: 'event_end_to_end_lag_seconds',
    help: 'Time from an event being recorded to a consumer applying it',
    labelNames: ['consumer'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  }),
  deadLettered: new Counter({
    name: 'events_dead_lettered_total',
    help: 'Events a consumer group gave up on and sent to the dead-letter topic, by reason',
    labelNames: ['group', 'topic', 'reason'],
  }),
  partitionLag: new Gauge({
    name: 'kafka_consumer_lag',
    help: "Messages of a partition the group has not applied yet, as of the group's latest batch",
    labelNames: ['group', 'topic', 'partition'],
  }),
};

const deadLetterReasons = ['unparseable', 'handler-failed'] as const;

/**
 * The group's dead-letter counts start at zero: Prometheus' `increase()` sees the first dead letter
 * only if the series existed before it.
 */
export function countDeadLettersOf(group: string, topics: readonly string[]): void {
  for (const topic of topics)
    for (const reason of deadLetterReasons)
      consumerMetrics.deadLettered.inc({ group, topic, reason }, 0);
}
