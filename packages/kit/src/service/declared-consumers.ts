import type { EventHandler, SubscribeOptions } from '../events/transport.js';
import { idempotentConsumerGroup } from './consumer-group.js';
import type { ServiceDefinition } from './define-service.js';

/**
 * The subscriptions of a service's consumers as `events.consumes` declares them: each reads the
 * topics of its events and is handed only those, so no handler acts on an event the declaration
 * (and the event catalogue built from it) leaves out. Fails on a declared consumer without a
 * handler and on a handler nobody declared.
 */
export function declaredSubscriptions(
  definition: ServiceDefinition,
  handlers: Record<string, EventHandler> = {},
): SubscribeOptions[] {
  const { name: service, events } = definition;
  for (const consumer of Object.keys(handlers))
    if (!(consumer in events.consumes))
      throw new Error(
        `${service}: consumer ${consumer} has a handler but no events.consumes entry`,
      );
  return Object.entries(events.consumes).map(([consumer, contracts]) => {
    const handler = handlers[consumer];
    if (!handler)
      throw new Error(
        `${service}: consumer ${consumer} is declared in events.consumes but has no handler`,
      );
    const types = new Set(contracts.map((contract) => contract.type));
    return {
      group: idempotentConsumerGroup(service, consumer),
      service,
      topics: [...new Set(contracts.map((contract) => contract.topic))],
      // The transport passes the other events of these topics by, without a span.
      eventTypes: types,
      handler,
    };
  });
}
