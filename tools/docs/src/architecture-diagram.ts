import { byTopic, everySubgraphProducer, type CatalogueEntry } from './event-catalogue.js';

/** A mermaid node id for a topic (`order.events` → `order_events`). */
const topicNode = (topic: string) => topic.replace(/\W/g, '_');

/**
 * README's diagram: clients and the router, the subgraphs behind it, and the events between them
 * — each topic written by its producer's outbox, with an edge to every consuming service
 * labelled with the events it takes from there.
 */
export function architectureDiagram(
  subgraphs: readonly string[],
  catalogue: CatalogueEntry[],
): string {
  const lines = [
    'flowchart LR',
    '  clients["storefront · admin · partners"] --> router["router<br/>JWT · limits · circuits"]',
    `  router -->|GraphQL federation| ${subgraphs.join(' & ')}`,
  ];
  for (const [topic, entries] of byTopic(catalogue)) {
    const producer = entries[0]!.producer;
    const producerNode =
      producer === everySubgraphProducer ? `${producer}["every subgraph"]` : producer;
    lines.push(`  ${producerNode} -- outbox --> ${topicNode(topic)}[(${topic})]`);
    const consumingServices = [
      ...new Set(entries.flatMap((entry) => entry.consumers.map(({ service }) => service))),
    ];
    for (const service of consumingServices) {
      const events = entries
        .filter((entry) => entry.consumers.some((consumer) => consumer.service === service))
        .map((entry) => entry.contract.type);
      lines.push(`  ${topicNode(topic)} -->|${events.join('<br/>')}| ${service}`);
    }
  }
  return ['```mermaid', ...lines, '```'].join('\n');
}
