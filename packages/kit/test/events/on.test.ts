import { randomUUID } from 'node:crypto';
import {
  orderCompletedEvent,
  orderPaidEvent,
  type EventEnvelope,
  type OrderPaid,
} from '@shop/contracts';
import { createTestDatabase, type TestDatabase } from '@shop/testkit';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { openDatabase, type Orm } from '../../src/db/index.js';
import { deliverWithRetries } from '../../src/events/deliver.js';
import {
  eventConsumer,
  idempotentConsumer,
  on,
  ProcessedEvent,
  type EventData,
  type InboxContext,
} from '../../src/events/index.js';

const context = { topic: orderPaidEvent.topic, attempt: 1 };
const metricsRegistry = new Registry();

const envelope = (type: string, data: unknown): EventEnvelope => ({
  id: randomUUID(),
  type,
  version: 1,
  source: 'order',
  subject: randomUUID(),
  time: new Date().toISOString(),
  data,
});

/** An OrderPaid payload as an older producer wrote it: its line names no brand. */
const paidPayload = () => {
  const amount = 12_000;
  return {
    orderId: randomUUID(),
    userId: randomUUID(),
    paymentId: randomUUID(),
    amounts: {
      subtotal: amount,
      productDiscount: 0,
      couponDiscount: 0,
      pointsUsed: 0,
      shippingFee: 0,
      totalAmount: amount,
    },
    lines: [
      {
        lineId: randomUUID(),
        skuId: randomUUID(),
        productId: randomUUID(),
        quantity: 1,
        paidAmount: amount,
        productDiscount: 0,
        couponDiscount: 0,
        pointsUsed: 0,
      },
    ],
    paidAt: new Date().toISOString(),
  };
};

describe('on(contract, handler)', () => {
  it('hands the handler the payload as its contract parses it, typed by the contract', async () => {
    const handed: OrderPaid[] = [];
    const paid = on(orderPaidEvent, async (data, { attempt }) => {
      expectTypeOf(data).toEqualTypeOf<EventData<typeof orderPaidEvent>>();
      expectTypeOf(attempt).toBeNumber();
      handed.push(data);
    });
    const payload = paidPayload();
    await eventConsumer(paid).handlerFor('test.paid', metricsRegistry)(
      envelope(orderPaidEvent.type, payload),
      context,
    );
    // The schema's default fills what the payload left out.
    expect(handed).toEqual([{ ...payload, lines: [{ ...payload.lines[0], brandId: null }] }]);
  });

  it('lets an event none of its subscriptions takes pass by', async () => {
    const handed: string[] = [];
    const consumer = eventConsumer(
      on(orderPaidEvent, async (data) => void handed.push(data.orderId)),
    );
    await consumer.handlerFor('test.paid', metricsRegistry)(
      envelope(orderCompletedEvent.type, {}),
      context,
    );
    expect(handed).toEqual([]);
  });

  it('has a payload its contract refuses parked at once, as an unparseable envelope is', async () => {
    let calls = 0;
    const consumer = eventConsumer(on(orderPaidEvent, async () => void calls++));
    const outcome = await deliverWithRetries(
      { topic: orderPaidEvent.topic, value: JSON.stringify(envelope(orderPaidEvent.type, {})) },
      {
        group: 'test.paid',
        topics: [orderPaidEvent.topic],
        handler: consumer.handlerFor('test.paid', metricsRegistry),
      },
      'in-process',
    );
    // Retrying cannot make it parse: both transports dead-letter it after this one attempt.
    expect(outcome).toEqual({
      ok: false,
      reason: 'unparseable',
      error: expect.stringContaining('OrderPaid payload does not match its contract'),
      attempts: 1,
    });
    expect(calls).toBe(0);
  });

  it('refuses a consumer subscribing to one event twice', () => {
    const handle = async () => {};
    expect(() => eventConsumer(on(orderPaidEvent, handle), on(orderPaidEvent, handle))).toThrow(
      'a consumer subscribes to OrderPaid twice',
    );
  });

  it('takes the inbox transaction only in an idempotent consumer', () => {
    const inbox = on(orderPaidEvent, async (_data, { tx }: InboxContext) => void tx);
    // @ts-expect-error a consumer without an inbox has no transaction to hand it
    expect(eventConsumer(inbox).contracts).toEqual([orderPaidEvent]);
  });
});

describe('an idempotent consumer', () => {
  let database: TestDatabase;
  let orm: Orm;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite', 'on_inbox');
    orm = await openDatabase({ config: database.config, entities: [] });
    await orm.schema.update();
  });

  afterAll(async () => {
    await orm?.close();
    await database?.drop();
  });

  it('applies each event once, its handler in the transaction that records it', async () => {
    const group = 'test.books';
    const applied: string[] = [];
    const consumer = idempotentConsumer(
      orm,
      on(orderPaidEvent, async (paid, { tx }: InboxContext) => {
        // The inbox row is written in the same transaction, before the effect.
        expect(await tx.count(ProcessedEvent, { consumer: group })).toBe(applied.length + 1);
        applied.push(paid.orderId);
      }),
    );
    const event = envelope(orderPaidEvent.type, paidPayload());
    const handler = consumer.handlerFor(group, metricsRegistry);
    await handler(event, context);
    await handler(event, { ...context, attempt: 2 });
    expect(applied).toEqual([(event.data as OrderPaid).orderId]);
  });
});
