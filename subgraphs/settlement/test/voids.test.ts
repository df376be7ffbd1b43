import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { orderPaidEvent, paymentCancelledEvent, type EventEnvelope } from '@shop/contracts';
import { openDatabase, type Orm } from '@shop/kit/db';
import { Registry } from '@shop/kit/ops';
import { pgFeeOf, startPgSandbox, type RunningPgSandbox } from '@shop/pg-sandbox';
import { createTestDatabase, type TestDatabase } from '@shop/testkit';
import { describeOnEachDatabase } from '@shop/testkit/each-database';
import { businessDateOf } from '../src/domain/business-date.js';
import { settlementEntities } from '../src/domain/entities.js';
import { LedgerEntry } from '../src/domain/ledger-entry.entity.js';
import { booksConsumer } from '../src/events/books.consumer.js';
import { Commissions } from '../src/services/commissions.js';
import { Ledger } from '../src/services/ledger.js';
import { Payables } from '../src/services/payables.js';
import { Reconciler } from '../src/services/reconciliation.js';
import { brandStatements, dailyStatements } from '../src/services/statements.js';

const books = () => ({
  ledger: new Ledger(),
  payables: new Payables(new Commissions(1000, async () => true)),
});

const secretKey = 'test_sk_settlement';
/** The PG sandbox's clock, pinned to noon in Korea: what it charges and voids is on one day. */
const pgNoon = Date.parse('2026-11-27T12:00:00+09:00');

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

/** A void as payment announces it: the whole charge taken back, as no order was paid by it. */
const voided = (orderId: string, amount: number, cancelledAt: string, lines: object[] = []) =>
  envelope(paymentCancelledEvent.type, orderId, {
    paymentId: randomUUID(),
    orderId,
    cancelId: randomUUID(),
    amount,
    refundableAmount: 0,
    reason: 'order expired while the PG was charging',
    lines,
    void: true,
    cancelledAt,
  });

describeOnEachDatabase('voided charges in the settlement books on $name', (kind) => {
  let database: TestDatabase;
  let orm: Orm;
  let pg: RunningPgSandbox;

  beforeAll(async () => {
    database = await createTestDatabase(kind, 'settlement_voids');
    orm = await openDatabase({ config: database.config, entities: settlementEntities });
    await orm.schema.update();
    pg = await startPgSandbox({ port: 0, secretKey, now: () => pgNoon });
  });

  afterAll(async () => {
    await pg?.stop();
    await orm?.close();
    await database?.drop();
  });

  const handle = (event: EventEnvelope) =>
    booksConsumer(orm, books()).handlerFor('settlement.books', new Registry())(event, {
      topic: 'test',
      attempt: 1,
    });

  it('books the charge and its void once each, however often the void is delivered', async () => {
    const orderId = randomUUID();
    const brandId = randomUUID();
    // Lines named by a void are no brand's refund: the brand never sold them.
    const event = voided(orderId, 27_000, '2026-11-26T05:00:00.000Z', [
      { lineId: randomUUID(), brandId, amount: 24_000 },
    ]);
    await handle(event);
    await handle(event);
    // The same void again under another envelope (a republished event): the ledger's key holds.
    await handle({ ...event, id: randomUUID() });

    const entries = await orm.em.fork().find(LedgerEntry, { orderId }, { orderBy: { id: 'asc' } });
    expect(
      entries.map(({ source, kind, amount, lineId, brandId, businessDate }) => ({
        source,
        kind,
        amount,
        lineId,
        brandId,
        businessDate,
      })),
    ).toEqual([
      {
        source: `payment-void:${event.data.cancelId}`,
        kind: 'UNSOLD_CHARGE',
        amount: 27_000,
        lineId: null,
        brandId: null,
        businessDate: '2026-11-26',
      },
      {
        source: `payment-cancel:${event.data.cancelId}`,
        kind: 'REFUND',
        amount: -27_000,
        lineId: null,
        brandId: null,
        businessDate: '2026-11-26',
      },
    ]);

    // The day's payments and refunds both hold the charge; no brand has anything.
    expect(await dailyStatements(orm.em.fork(), '2026-11-26', '2026-11-26')).toEqual([
      expect.objectContaining({
        gross: 0,
        unsoldCharges: 27_000,
        payments: 27_000,
        refunds: 27_000,
        net: 0,
      }),
    ]);
    expect(await brandStatements(orm.em.fork(), '2026-11-26', '2026-11-26')).toEqual([]);
  });

  /** Authorises and confirms `amount` for a new order at the PG: its order id and approval. */
  async function chargeAtPg(amount: number) {
    const orderId = randomUUID();
    const call = async (path: string, body: unknown) => {
      const response = await fetch(new URL(path, pg.url), {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${secretKey}:`).toString('base64')}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(200);
      return (await response.json()) as {
        paymentKey: string;
        approvedAt: string;
        cancels: { canceledAt: string }[] | null;
      };
    };
    const { paymentKey } = await call('/v1/sandbox/authorize', {
      orderId,
      orderName: '정산 테스트',
      amount,
      card: 'NORMAL',
    });
    const { approvedAt } = await call('/v1/payments/confirm', { paymentKey, orderId, amount });
    return {
      orderId,
      approvedAt: new Date(approvedAt).toISOString(),
      cancel: async () => {
        const { cancels } = await call(`/v1/payments/${paymentKey}/cancel`, {
          cancelReason: '주문 만료',
        });
        return new Date(cancels!.at(-1)!.canceledAt).toISOString();
      },
    };
  }

  it('reconciles a day with a voided charge against the PG’s report with no difference', async () => {
    const paidAmount = 31_000;
    const voidAmount = 45_500;
    // A paid order and a charge voided, all on one Korean day (the PG's clock stands at noon).
    const paid = await chargeAtPg(paidAmount);
    const unsold = await chargeAtPg(voidAmount);
    const cancelledAt = await unsold.cancel();
    const date = businessDateOf(cancelledAt);
    expect([paid.approvedAt, unsold.approvedAt].map((at) => businessDateOf(at))).toEqual([
      date,
      date,
    ]);
    await handle(voided(unsold.orderId, voidAmount, cancelledAt));
    const lineId = randomUUID();
    await handle(
      envelope(orderPaidEvent.type, paid.orderId, {
        orderId: paid.orderId,
        userId: randomUUID(),
        paymentId: randomUUID(),
        amounts: {
          subtotal: 30_000,
          productDiscount: 0,
          couponDiscount: 0,
          pointsUsed: 2_000,
          shippingFee: 3_000,
          totalAmount: paidAmount,
        },
        lines: [
          {
            lineId,
            skuId: randomUUID(),
            productId: randomUUID(),
            brandId: randomUUID(),
            quantity: 1,
            paidAmount: 28_000,
            productDiscount: 0,
            couponDiscount: 0,
            pointsUsed: 2_000,
          },
        ],
        paidAt: paid.approvedAt,
      }),
    );

    const reconciler = new Reconciler({ ledger: new Ledger(), pgUrl: pg.url, secretKey });
    const reconciliation = await reconciler.reconcile(orm.em.fork(), date);
    expect(reconciliation).toEqual({
      date,
      ourPayments: paidAmount + voidAmount,
      pgPayments: paidAmount + voidAmount,
      ourRefunds: voidAmount,
      pgRefunds: voidAmount,
      // A charge cancelled whole costs no fee.
      pgFees: pgFeeOf(paidAmount),
      differences: [],
    });
    // Again, with the fees booked: the same.
    expect(await reconciler.reconcile(orm.em.fork(), date)).toEqual(reconciliation);

    const [statement] = await dailyStatements(orm.em.fork(), date, date);
    expect(statement).toMatchObject({
      gross: 30_000,
      points: 2_000,
      shipping: 3_000,
      unsoldCharges: voidAmount,
      payments: paidAmount + voidAmount,
      refunds: voidAmount,
      pgFees: pgFeeOf(paidAmount),
      net: paidAmount - pgFeeOf(paidAmount),
    });
    // The brand sold only the paid order's line; shipping and the unsold charge are the shop's.
    const brands = await brandStatements(orm.em.fork(), date, date);
    // (+ 0: a sum of nothing negated is −0.)
    expect(brands.map((brand) => [brand.sales, brand.refunds + 0])).toEqual([[28_000, 0]]);
    expect(brands[0]!.sales + statement!.shipping + statement!.unsoldCharges).toBe(
      statement!.payments,
    );
  });
});
