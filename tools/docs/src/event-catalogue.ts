import type { EventContract } from '@shop/contracts';
import type { ServiceDefinition } from '@shop/kit/service';

/** A consumer of an event: its service and its name there (its group is `<service>.<consumer>`). */
export interface EventConsumerRef {
  service: string;
  consumer: string;
}

/** One event with who writes it and who reads it, as the services declare. */
export interface CatalogueEntry {
  contract: EventContract;
  producer: string;
  consumers: EventConsumerRef[];
}

/** The producer of an event every subgraph's chassis records (`everySubgraph`). */
export const everySubgraphProducer = 'subgraphs';

/** The parts of a service definition the catalogue reads. */
export type EventDeclarations = Pick<ServiceDefinition, 'name' | 'events'>;

/**
 * Every event contract with its producer and consumers, from the services' `events` declarations
 * (which the running services are held to). Ordered by producer, in the order given, then as each
 * declares its events, then the chassis's own (`everySubgraph`). A contract no service publishes,
 * or two publish, is an error: the catalogue would have nothing true to say about it.
 */
export function eventCatalogue(
  services: readonly EventDeclarations[],
  contracts: readonly EventContract[],
): CatalogueEntry[] {
  const entries: CatalogueEntry[] = [];
  for (const service of services)
    for (const contract of service.events.publishes) {
      const earlier = entries.find((entry) => entry.contract.type === contract.type);
      if (earlier)
        throw new Error(
          `${contract.type} is published by both ${earlier.producer} and ${service.name}`,
        );
      entries.push({
        contract,
        producer: service.name,
        consumers: consumersOf(services, contract),
      });
    }
  for (const contract of contracts.filter((candidate) => candidate.everySubgraph))
    entries.push({
      contract,
      producer: everySubgraphProducer,
      consumers: consumersOf(services, contract),
    });
  const unpublished = contracts.filter(
    (contract) => !entries.some((entry) => entry.contract.type === contract.type),
  );
  if (unpublished.length > 0)
    throw new Error(
      `no service publishes ${unpublished.map((contract) => contract.type).join(', ')}: ` +
        'declare it in its producer’s events.publishes, or remove the contract',
    );
  return entries;
}

function consumersOf(
  services: readonly EventDeclarations[],
  contract: EventContract,
): EventConsumerRef[] {
  return services.flatMap((service) =>
    Object.entries(service.events.consumes)
      .filter(([, events]) => events.some((event) => event.type === contract.type))
      .map(([consumer]) => ({ service: service.name, consumer })),
  );
}

/** The catalogue's entries per topic, topics in the catalogue's order. */
export function byTopic(catalogue: readonly CatalogueEntry[]): Map<string, CatalogueEntry[]> {
  const topics = new Map<string, CatalogueEntry[]>();
  for (const entry of catalogue)
    topics.set(entry.contract.topic, [...(topics.get(entry.contract.topic) ?? []), entry]);
  return topics;
}
