import { orderCancelledEvent, orderCompletedEvent, orderPaidEvent } from '@shop/contracts';
import { describe, expect, it } from 'vitest';
import { architectureDiagram } from '../src/architecture-diagram.js';
import type { CatalogueEntry } from '../src/event-catalogue.js';

const catalogue: CatalogueEntry[] = [
  {
    contract: orderPaidEvent,
    producer: 'order',
    consumers: [
      { service: 'delivery', consumer: 'order-events' },
      { service: 'settlement', consumer: 'books' },
    ],
  },
  {
    contract: orderCancelledEvent,
    producer: 'order',
    consumers: [{ service: 'delivery', consumer: 'order-events' }],
  },
  { contract: orderCompletedEvent, producer: 'order', consumers: [] },
];

describe("README's architecture diagram", () => {
  it('draws each topic from its producer, and one edge per consuming service with its events', () => {
    const diagram = architectureDiagram(['order', 'delivery', 'settlement'], catalogue);
    expect(diagram).toContain('router -->|GraphQL federation| order & delivery & settlement');
    expect(diagram).toContain('order -- outbox --> order_events[(order.events)]');
    expect(diagram).toContain('order_events -->|OrderPaid<br/>OrderCancelled| delivery');
    expect(diagram).toContain('order_events -->|OrderPaid| settlement');
    expect(diagram).not.toContain('OrderCompleted');
  });
});
