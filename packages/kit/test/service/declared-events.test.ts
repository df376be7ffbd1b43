import { orderCompletedEvent, orderPaidEvent, paymentCancelledEvent } from '@shop/contracts';
import type { EventContract, EventEnvelope } from '@shop/contracts';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import type { EntityManager } from '../../src/db/index.js';
import { eventConsumer, on, Outbox, type EventConsumer } from '../../src/events/index.js';
import { deliverWithRetries } from '../../src/events/deliver.js';
import { declaredSubscriptions } from '../../src/service/declared-consumers.js';
import type { ServiceDefinition, ServiceParts } from '../../src/service/index.js';

const settlement = {
  name: 'settlement',
  events: {
    publishes: [],
    consumes: { books: [orderPaidEvent, paymentCancelledEvent] },
  },
} as unknown as ServiceDefinition;

const envelope = (type: string): EventEnvelope => ({
  id: crypto.randomUUID(),
  type,
  version: 1,
  source: 'order',
  subject: crypto.randomUUID(),
  time: new Date().toISOString(),
  data: {},
});

/** A consumer of `contracts` that notes the type of every event it is handed. */
const noting = (seen: string[], ...contracts: EventContract[]): EventConsumer => ({
  contracts,
  handlerFor: () => async (event) => void seen.push(event.type),
});

describe('a service held to its events declaration', () => {
  it('subscribes each consumer to its events’ topics and hands it only those events', async () => {
    const seen: string[] = [];
    const [books] = declaredSubscriptions(settlement, new Registry(), {
      books: noting(seen, orderPaidEvent, paymentCancelledEvent),
    });
    expect(books).toMatchObject({
      group: 'settlement.books',
      topics: ['order.events', 'payment.events'],
    });
    // Delivered as both transports deliver: the events the consumer did not declare pass by.
    for (const type of ['OrderPlaced', 'OrderPaid', 'OrderCompleted'])
      await deliverWithRetries(
        { topic: 'order.events', value: JSON.stringify(envelope(type)) },
        books!,
        'in-process',
      );
    expect(seen).toEqual(['OrderPaid']);
  });

  it('refuses a declared consumer without a handler, and a handler nobody declared', () => {
    expect(() => declaredSubscriptions(settlement, new Registry(), {})).toThrow(
      'settlement: consumer books is declared in events.consumes but has no handler',
    );
    const books = noting([], orderPaidEvent, paymentCancelledEvent);
    expect(() =>
      declaredSubscriptions(settlement, new Registry(), { books, audit: books }),
    ).toThrow('settlement: consumer audit has a handler but no events.consumes entry');
  });

  it('refuses a consumer whose subscriptions are not the events it declares', () => {
    expect(() =>
      declaredSubscriptions(settlement, new Registry(), {
        books: noting([], orderPaidEvent, orderCompletedEvent),
      }),
    ).toThrow(
      'settlement: consumer books declares OrderPaid, PaymentCancelled but subscribes to OrderPaid, OrderCompleted',
    );
    // Where a service is defined, the types refuse it before anything runs.
    const handle = async () => {};
    const consumers: ServiceParts<{
      books: readonly [typeof orderPaidEvent, typeof paymentCancelledEvent];
    }>['consumers'] = {
      // @ts-expect-error PaymentCancelled is declared but not subscribed to
      books: eventConsumer(on(orderPaidEvent, handle)),
    };
    expect(consumers?.books.contracts).toEqual([orderPaidEvent]);
  });

  it('lets the outbox record only the declared events, all of its own topic', () => {
    const recorded: unknown[] = [];
    const em = {
      create: (_entity: unknown, row: unknown) => row,
      persist: (row: unknown) => void recorded.push(row),
    } as unknown as EntityManager;
    const outbox = new Outbox('order', [orderPaidEvent, orderCompletedEvent]);
    outbox.record(em, { type: 'OrderPaid', subject: 'o-1', data: {} });
    expect(recorded).toHaveLength(1);
    expect(() => outbox.record(em, { type: 'OrderPlaced', subject: 'o-1', data: {} })).toThrow(
      'order records OrderPlaced, which its events.publishes lacks',
    );
    expect(() => new Outbox('order', [paymentCancelledEvent])).toThrow(
      'order cannot publish PaymentCancelled: it belongs to payment.events',
    );
  });
});
