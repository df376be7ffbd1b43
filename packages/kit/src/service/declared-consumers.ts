import type { Registry } from 'prom-client';
import type { EventConsumer } from '../events/on.js';
import type { SubscribeOptions } from '../events/transport.js';
import { idempotentConsumerGroup } from './consumer-group.js';
import type { ServiceDefinition } from './define-service.js';

/**
 * The subscriptions of a service's consumers as `events.consumes` declares them: each reads the
 * topics of its events and is handed only those, so no handler acts on an event the declaration
 * (and the event catalogue built from it) leaves out. Fails on a declared consumer without a
 * handler, on a handler nobody declared, and on a consumer whose subscriptions are not the
 * events its declaration lists.
 */
export function declaredSubscriptions(
  definition: ServiceDefinition,
  metricsRegistry: Registry,
  consumers: Readonly<Record<string, EventConsumer>> = {},
): SubscribeOptions[] {
  const { name: service, events } = definition;
  for (const consumer of Object.keys(consumers))
    if (!(consumer in events.consumes))
      throw new Error(
        `${service}: consumer ${consumer} has a handler but no events.consumes entry`,
      );
  return Object.entries(events.consumes).map(([consumer, contracts]) => {
    const handled = consumers[consumer];
    if (!handled)
      throw new Error(
        `${service}: consumer ${consumer} is declared in events.consumes but has no handler`,
      );
    const declared = contracts.map((contract) => contract.type).join(', ');
    const subscribed = handled.contracts.map((contract) => contract.type).join(', ');
    if (subscribed !== declared)
      throw new Error(
        `${service}: consumer ${consumer} declares ${declared} ` +
          `but subscribes to ${subscribed || 'nothing'}`,
      );
    const group = idempotentConsumerGroup(service, consumer);
    return {
      group,
      service,
      topics: [...new Set(contracts.map((contract) => contract.topic))],
      // The transport passes the other events of these topics by, without a span.
      eventTypes: new Set(contracts.map((contract) => contract.type)),
      handler: handled.handlerFor(group, metricsRegistry),
    };
  });
}
