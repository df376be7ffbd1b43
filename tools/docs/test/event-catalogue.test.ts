import { orderCompletedEvent, orderPaidEvent, paymentCancelledEvent } from '@shop/contracts';
import { describe, expect, it } from 'vitest';
import { eventCatalogue, type EventDeclarations } from '../src/event-catalogue.js';

const service = (name: string, events: Partial<EventDeclarations['events']>): EventDeclarations =>
  ({ name, events: { publishes: [], consumes: {}, ...events } }) as EventDeclarations;

const order = service('order', { publishes: [orderPaidEvent, orderCompletedEvent] });
const user = service('user', { consumes: { 'order-completed': [orderCompletedEvent] } });
const settlement = service('settlement', {
  consumes: { books: [orderPaidEvent, orderCompletedEvent] },
});

describe('the event catalogue', () => {
  it('takes producers and consumers from the services’ declarations', () => {
    const catalogue = eventCatalogue(
      [order, user, settlement],
      [orderPaidEvent, orderCompletedEvent],
    );
    expect(
      catalogue.map(({ contract, producer, consumers }) => [contract.type, producer, consumers]),
    ).toEqual([
      ['OrderPaid', 'order', [{ service: 'settlement', consumer: 'books' }]],
      [
        'OrderCompleted',
        'order',
        [
          { service: 'user', consumer: 'order-completed' },
          { service: 'settlement', consumer: 'books' },
        ],
      ],
    ]);
  });

  it('refuses a contract nobody publishes, and one published twice', () => {
    expect(() => eventCatalogue([order], [orderPaidEvent, paymentCancelledEvent])).toThrow(
      'no service publishes PaymentCancelled',
    );
    const again = service('billing', { publishes: [orderPaidEvent] });
    expect(() => eventCatalogue([order, again], [orderPaidEvent])).toThrow(
      'OrderPaid is published by both order and billing',
    );
  });
});
