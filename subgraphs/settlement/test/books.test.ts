import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderPaidEvent, paymentCancelledEvent, type EventEnvelope } from '@shop/contracts';
import { openDatabase, type Orm } from '@shop/kit/db';
import { createTestDatabase, probeInfra, type TestDatabase } from '@shop/testkit';
import { settlementEntities } from '../src/domain/entities.js';
import { LedgerEntry } from '../src/domain/ledger-entry.entity.js';
import { booksHandler } from '../src/events/books.handler.js';
import { Ledger } from '../src/services/ledger.js';
import { dailyStatements } from '../src/services/statements.js';

const infra = await probeInfra(['mysql']);
const databases = [
  { name: 'SQLite', kind: 'sqlite' as const, skip: false },
  { name: 'MySQL', kind: 'mysql' as const, skip: !infra.ok },
];

function envelope<Data>(type: string, subject: string, data: Data): EventEnvelope<Data> {
  return {
    id: randomUUID(),
    type,
    version: 1,
    source: 'test',
    subject,
    time: new Date().toISOString(),
    data,
  };
}

describe.each(databases)('the settlement books on $name', ({ kind, skip }) => {
  if (skip) {
    it.skip(`needs MySQL: ${infra.reason}`, () => {});
    return;
  }
  let database: TestDatabase;
  let orm: Orm;

  beforeAll(async () => {
    database = await createTestDatabase(kind, 'settlement_books');
    orm = await openDatabase({ config: database.config, entities: settlementEntities });
    await orm.schema.update();
  });

  afterAll(async () => {
    await orm.close();
    await database.drop();
  });

  it('changes no total when every event is delivered three more times, and states payments minus refunds', async () => {
    const handle = booksHandler(orm, 'settlement.books', new Ledger());
    const paidAt = new Date('2026-11-24T03:00:00Z');
    const orders = Array.from({ length: 5 }, (_, i) => ({
      orderId: randomUUID(),
      subtotal: 30_000 + i * 1000,
      productDiscount: 2_000,
      couponDiscount: 1_000,
      pointsUsed: 500,
      shippingFee: i % 2 ? 3_000 : 0,
    }));
    const events: EventEnvelope[] = orders.map((order) =>
      envelope(orderPaidEvent.type, order.orderId, {
        orderId: order.orderId,
        userId: randomUUID(),
        paymentId: randomUUID(),
        amounts: {
          ...order,
          totalAmount: order.subtotal - 2_000 - 1_000 - 500 + order.shippingFee,
        },
        lines: [],
        paidAt: paidAt.toISOString(),
      }),
    );
    events.push(
      envelope(paymentCancelledEvent.type, orders[0]!.orderId, {
        paymentId: randomUUID(),
        orderId: orders[0]!.orderId,
        cancelId: randomUUID(),
        amount: 10_000,
        refundableAmount: 16_500,
        reason: '반품',
        cancelledAt: paidAt.toISOString(),
      }),
    );
    for (const event of events) await handle(event, { topic: 'test', attempt: 1 });
    const totals = async () =>
      (await orm.em.fork().find(LedgerEntry, {})).reduce((sum, entry) => sum + entry.amount, 0);
    const once = await totals();
    for (let replay = 0; replay < 3; replay++)
      for (const event of [...events].reverse()) await handle(event, { topic: 'test', attempt: 2 });
    expect(await totals()).toBe(once);

    const [day] = await dailyStatements(orm.em.fork(), '2026-11-24', '2026-11-24');
    const charged = orders.reduce((sum, o) => sum + o.subtotal - 3_500 + o.shippingFee, 0);
    expect(day).toMatchObject({
      date: '2026-11-24',
      payments: charged,
      refunds: 10_000,
      net: charged - 10_000,
    });
    expect(once).toBe(charged - 10_000);
  });
});
