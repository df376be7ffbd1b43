import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { orderPaidEvent, paymentCancelledEvent, type EventEnvelope } from '@shop/contracts';
import { openDatabase, type Orm } from '@shop/kit/db';
import { Registry } from '@shop/kit/ops';
import { createTestDatabase, type TestDatabase } from '@shop/testkit';
import { describeOnEachDatabase } from '@shop/testkit/each-database';
import { settlementEntities } from '../src/domain/entities.js';
import { LedgerEntry } from '../src/domain/ledger-entry.entity.js';
import { booksConsumer } from '../src/events/books.consumer.js';
import { Commissions } from '../src/services/commissions.js';
import { Ledger } from '../src/services/ledger.js';
import { Payables } from '../src/services/payables.js';
import { brandStatements, dailyStatements } from '../src/services/statements.js';

const books = () => ({
  ledger: new Ledger(),
  payables: new Payables(new Commissions(1000, async () => true)),
});

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

describeOnEachDatabase('the settlement books on $name', (kind) => {
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

  const brandA = randomUUID();
  const brandB = randomUUID();
  const paidAt = new Date('2026-11-24T03:00:00Z');

  /** An order of a brand-A line, a brand-B line and an unbranded line, as OrderPaid tells it. */
  function paidOrder(index: number) {
    const orderId = randomUUID();
    const line = (brandId: string | null, paidAmount: number) => ({
      lineId: randomUUID(),
      skuId: randomUUID(),
      productId: randomUUID(),
      brandId,
      quantity: 1,
      paidAmount,
      productDiscount: 1_000,
      couponDiscount: 500,
      pointsUsed: 200,
    });
    const lines = [line(brandA, 10_000 + index * 100), line(brandB, 20_000), line(null, 5_000)];
    const shippingFee = index % 2 ? 3_000 : 0;
    const linesPaid = lines.reduce((sum, l) => sum + l.paidAmount, 0);
    return {
      orderId,
      lines,
      shippingFee,
      charged: linesPaid + shippingFee,
      event: envelope(orderPaidEvent.type, orderId, {
        orderId,
        userId: randomUUID(),
        paymentId: randomUUID(),
        amounts: {
          subtotal: linesPaid + 3 * 1_700,
          productDiscount: 3_000,
          couponDiscount: 1_500,
          pointsUsed: 600,
          shippingFee,
          totalAmount: linesPaid + shippingFee,
        },
        lines,
        paidAt: paidAt.toISOString(),
      }),
    };
  }

  const refunded = (
    orderId: string,
    amount: number,
    lines: { lineId: string; brandId: string | null; amount: number }[],
  ) =>
    envelope(paymentCancelledEvent.type, orderId, {
      paymentId: randomUUID(),
      orderId,
      cancelId: randomUUID(),
      amount,
      refundableAmount: 0,
      reason: 'test',
      lines,
      cancelledAt: paidAt.toISOString(),
    });

  it('changes no total when every event is delivered three more times; states the day and each brand', async () => {
    const handle = booksConsumer(orm, books()).handlerFor('settlement.books', new Registry());
    const orders = Array.from({ length: 5 }, (_, i) => paidOrder(i));
    const events: EventEnvelope[] = orders.map((order) => order.event);
    // A return of order 0's brand-A line that kept a 3,000 return fee from its value.
    const returned = orders[0]!.lines[0]!;
    events.push(
      refunded(orders[0]!.orderId, returned.paidAmount - 3_000, [
        { lineId: returned.lineId, brandId: brandA, amount: returned.paidAmount },
      ]),
    );
    // Order 1 cancelled before shipping: every line back, and its shipping.
    const cancelled = orders[1]!;
    events.push(
      refunded(
        cancelled.orderId,
        cancelled.charged,
        cancelled.lines.map((l) => ({
          lineId: l.lineId,
          brandId: l.brandId,
          amount: l.paidAmount,
        })),
      ),
    );
    for (const event of events) await handle(event, { topic: 'test', attempt: 1 });
    const totals = async () =>
      (await orm.em.fork().find(LedgerEntry, {})).reduce((sum, entry) => sum + entry.amount, 0);
    const once = await totals();
    for (let replay = 0; replay < 3; replay++)
      for (const event of [...events].reverse()) await handle(event, { topic: 'test', attempt: 2 });
    expect(await totals()).toBe(once);

    const charged = orders.reduce((sum, order) => sum + order.charged, 0);
    const pgRefunds = returned.paidAmount - 3_000 + cancelled.charged;
    const [day] = await dailyStatements(orm.em.fork(), '2026-11-24', '2026-11-24');
    expect(day).toMatchObject({
      date: '2026-11-24',
      payments: charged,
      refunds: pgRefunds,
      returnFees: 3_000,
      net: charged - pgRefunds,
    });
    expect(once).toBe(charged - pgRefunds);

    const brands = await brandStatements(orm.em.fork(), '2026-11-24', '2026-11-24');
    const of = (brandId: string | null) => brands.find((b) => b.brandId === brandId)!;
    const linesOf = (brandId: string | null) =>
      orders.flatMap((order) => order.lines.filter((l) => l.brandId === brandId));
    for (const brandId of [brandA, brandB, null]) {
      const sold = linesOf(brandId).reduce((sum, l) => sum + l.paidAmount, 0);
      const back =
        cancelled.lines.find((l) => l.brandId === brandId)!.paidAmount +
        (brandId === brandA ? returned.paidAmount : 0);
      expect(of(brandId)).toMatchObject({
        date: '2026-11-24',
        gross: sold + 5 * 1_700,
        productDiscounts: 5_000,
        couponDiscounts: 2_500,
        points: 1_000,
        sales: sold,
        refunds: back,
        net: sold - back,
      });
    }
    expect(brands).toHaveLength(3);
    // The brands' sales and the shop's shipping are the day's payments; their refunds, less the
    // fee kept and plus the shipping given back, are the PG's refunds.
    const sum = (key: 'sales' | 'refunds') => brands.reduce((total, b) => total + b[key], 0);
    const shipping = orders.reduce((total, order) => total + order.shippingFee, 0);
    expect(sum('sales') + shipping).toBe(day!.payments);
    expect(sum('refunds') - day!.returnFees + cancelled.shippingFee).toBe(day!.refunds);
  });

  it('reads OrderPaid lines written before brands as unbranded', async () => {
    const order = paidOrder(7);
    const withoutBrands = {
      ...order.event,
      data: {
        ...order.event.data,
        paidAt: '2026-11-20T03:00:00Z',
        lines: order.lines.map(({ brandId: _brand, ...line }) => line),
      },
    };
    await booksConsumer(orm, books()).handlerFor('settlement.books', new Registry())(
      withoutBrands,
      {
        topic: 'test',
        attempt: 1,
      },
    );
    const brands = await brandStatements(orm.em.fork(), '2026-11-20', '2026-11-20');
    expect(brands).toEqual([
      expect.objectContaining({ brandId: null, sales: order.charged - order.shippingFee }),
    ]);
  });
});
