import { randomUUID } from 'node:crypto';
import { graphql, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  orderCompletedEvent,
  orderPaidEvent,
  paymentCancelledEvent,
  type EventEnvelope,
} from '@shop/contracts';
import { openDatabase, type Orm } from '@shop/kit/db';
import { Registry } from '@shop/kit/ops';
import { buildSubgraphSchema, type Identity } from '@shop/kit/server';
import { resolverContainer } from '@shop/kit/service';
import { createTestDatabase, type TestDatabase } from '@shop/testkit';
import { describeOnEachDatabase } from '@shop/testkit/each-database';
import { settlementEntities } from '../src/domain/entities.js';
import { LedgerEntry } from '../src/domain/ledger-entry.entity.js';
import { PayableEntry } from '../src/domain/payable-entry.entity.js';
import { booksConsumer } from '../src/events/books.consumer.js';
import { PayoutResolver } from '../src/schema/payout.resolver.js';
import { settlementPermissions } from '../src/schema/permissions.js';
import { SettlementResolver } from '../src/schema/settlement.resolver.js';
import { commissionOf, Commissions } from '../src/services/commissions.js';
import { Ledger } from '../src/services/ledger.js';
import { Payables } from '../src/services/payables.js';
import { payoutPeriodOf } from '../src/services/payout-periods.js';
import { Payouts, type PayoutSummary } from '../src/services/payouts.js';
import { Reconciler } from '../src/services/reconciliation.js';

const admin: Identity = { kind: 'user', userId: randomUUID(), roles: ['ADMIN'] };
const customer: Identity = { kind: 'user', userId: randomUUID(), roles: ['CUSTOMER'] };
const defaultRate = 1000;

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

/** Noon in Korea on a Korean date. */
const noonOf = (date: string) => `${date}T03:00:00.000Z`;

interface Line {
  lineId: string;
  brandId: string | null;
  paidAmount: number;
}

/** An order as OrderPaid tells it; each line had a discount, a coupon share and points. */
function paidOrder(paidOn: string, lines: { brandId: string | null; paidAmount: number }[]) {
  const orderId = randomUUID();
  const full = lines.map((line) => ({
    lineId: randomUUID(),
    skuId: randomUUID(),
    productId: randomUUID(),
    brandId: line.brandId,
    quantity: 1,
    paidAmount: line.paidAmount,
    productDiscount: 1_000,
    couponDiscount: 500,
    pointsUsed: 200,
  }));
  const shippingFee = 3_000;
  const linesPaid = full.reduce((sum, l) => sum + l.paidAmount, 0);
  return {
    orderId,
    lines: full as Line[],
    charged: linesPaid + shippingFee,
    shippingFee,
    paid: envelope(orderPaidEvent.type, orderId, {
      orderId,
      userId: randomUUID(),
      paymentId: randomUUID(),
      amounts: {
        subtotal: linesPaid + full.length * 1_700,
        productDiscount: full.length * 1_000,
        couponDiscount: full.length * 500,
        pointsUsed: full.length * 200,
        shippingFee,
        totalAmount: linesPaid + shippingFee,
      },
      lines: full,
      paidAt: noonOf(paidOn),
    }),
    completed: (on: string) =>
      envelope(orderCompletedEvent.type, orderId, {
        orderId,
        userId: randomUUID(),
        paidAmount: linesPaid + shippingFee,
        refundedAmount: 0,
        completedAt: noonOf(on),
      }),
  };
}

/** A refund of `lines` (each given back whole) that kept `fee` of their value. */
const refunded = (orderId: string, on: string, lines: Line[], fee = 0) =>
  envelope(paymentCancelledEvent.type, orderId, {
    paymentId: randomUUID(),
    orderId,
    cancelId: randomUUID(),
    amount: lines.reduce((sum, l) => sum + l.paidAmount, 0) - fee,
    refundableAmount: 0,
    reason: 'test',
    lines: lines.map((l) => ({ lineId: l.lineId, brandId: l.brandId, amount: l.paidAmount })),
    cancelledAt: noonOf(on),
  });

/** A part of one line given back. */
const partlyRefunded = (orderId: string, on: string, line: Line, amount: number) =>
  envelope(paymentCancelledEvent.type, orderId, {
    paymentId: randomUUID(),
    orderId,
    cancelId: randomUUID(),
    amount,
    refundableAmount: 0,
    reason: 'test',
    lines: [{ lineId: line.lineId, brandId: line.brandId, amount }],
    cancelledAt: noonOf(on),
  });

const voided = (amount: number, on: string) => {
  const orderId = randomUUID();
  return envelope(paymentCancelledEvent.type, orderId, {
    paymentId: randomUUID(),
    orderId,
    cancelId: randomUUID(),
    amount,
    refundableAmount: 0,
    reason: 'order expired while the PG was charging',
    lines: [],
    void: true,
    cancelledAt: noonOf(on),
  });
};

interface BrandPayoutRow {
  periodStart: string;
  periodEnd: string;
  brand: { id: string };
  confirmedSales: number;
  refundsAfterConfirmation: number;
  commission: number;
  payout: number;
}

describe('payout periods and commission', () => {
  it('runs weekly periods Monday to Sunday from 2026-01-05, and other lengths from the same day', () => {
    expect(payoutPeriodOf('2026-01-05', 7)).toEqual({ start: '2026-01-05', end: '2026-01-11' });
    expect(payoutPeriodOf('2026-11-29', 7)).toEqual({ start: '2026-11-23', end: '2026-11-29' });
    expect(payoutPeriodOf('2026-11-30', 7)).toEqual({ start: '2026-11-30', end: '2026-12-06' });
    expect(payoutPeriodOf('2026-01-04', 7)).toEqual({ start: '2025-12-29', end: '2026-01-04' });
    expect(payoutPeriodOf('2026-01-19', 14)).toEqual({ start: '2026-01-19', end: '2026-02-01' });
    expect(payoutPeriodOf('2027-03-01', 1)).toEqual({ start: '2027-03-01', end: '2027-03-01' });
  });

  it('rounds a commission half down to whole won', () => {
    expect(commissionOf(10_010, 1500)).toBe(1501); // 1,501.5
    expect(commissionOf(12_345, 1500)).toBe(1852); // 1,851.75
    expect(commissionOf(10_001, 1500)).toBe(1500); // 1,500.15
    expect(commissionOf(7, 10_000)).toBe(7);
    expect(commissionOf(7, 0)).toBe(0);
  });
});

describeOnEachDatabase('brand payouts on $name', (kind) => {
  let database: TestDatabase;
  let orm: Orm;
  let schema: GraphQLSchema;
  /** The one brand product does not know; every other id stands for a brand it has. */
  const unknownBrand = randomUUID();
  const commissions = new Commissions(defaultRate, async (brandId) => brandId !== unknownBrand);
  const handle = (event: EventEnvelope) =>
    booksConsumer(orm, { ledger: new Ledger(), payables: new Payables(commissions) }).handlerFor(
      'settlement.books',
      new Registry(),
    )(event, { topic: 'test', attempt: 1 });

  beforeAll(async () => {
    database = await createTestDatabase(kind, 'settlement_payouts');
    orm = await openDatabase({ config: database.config, entities: settlementEntities });
    await orm.schema.update();
    const ledger = new Ledger();
    ({ schema } = await buildSubgraphSchema({
      resolvers: [SettlementResolver, PayoutResolver],
      permissions: settlementPermissions,
      container: resolverContainer(
        new SettlementResolver(
          new Reconciler({ ledger, pgUrl: 'http://127.0.0.1:9', secretKey: 'x' }),
        ),
        new PayoutResolver(new Payouts(7), commissions),
      ),
    }));
  });

  afterAll(async () => {
    await orm?.close();
    await database?.drop();
  });

  async function run<Data>(
    source: string,
    variables: Record<string, unknown> = {},
    identity: Identity = admin,
  ) {
    const result = await graphql({
      schema,
      source,
      variableValues: variables,
      contextValue: { em: orm.em.fork(), identity },
    });
    return result as {
      data?: Data | null;
      errors?: readonly { extensions?: { code?: unknown } }[];
    };
  }

  const setCommission = (brandId: string, rateBasisPoints: number, identity = admin) =>
    run<{ setBrandCommission: Record<string, unknown> }>(
      `mutation ($brandId: ID!, $rate: Int!) {
        setBrandCommission(brandId: $brandId, rateBasisPoints: $rate) {
          __typename
          ... on BrandCommission { brand { id } rateBasisPoints updatedAt }
          ... on InvalidInput { errorCode issues { field message } }
        }
      }`,
      { brandId, rate: rateBasisPoints },
      identity,
    );

  const payoutFields =
    'periodStart periodEnd brand { id } confirmedSales refundsAfterConfirmation commission payout';
  const brandPayouts = async (from: string, to: string) =>
    (
      await run<{ brandPayouts: BrandPayoutRow[] }>(
        `query ($from: String!, $to: String!) { brandPayouts(from: $from, to: $to) { ${payoutFields} } }`,
        { from, to },
      )
    ).data!.brandPayouts;

  it('refuses a commission rate out of 0–10000 as invalid input, and anyone but an admin', async () => {
    const brandId = randomUUID();
    for (const rate of [10_001, -1]) {
      const { data, errors } = await setCommission(brandId, rate);
      expect(errors).toBeUndefined();
      expect(data!.setBrandCommission).toMatchObject({
        __typename: 'InvalidInput',
        errorCode: 'INVALID_INPUT',
        issues: [{ field: 'rateBasisPoints' }],
      });
    }
    expect((await setCommission(unknownBrand, 500)).data!.setBrandCommission).toEqual({
      __typename: 'InvalidInput',
      errorCode: 'INVALID_INPUT',
      issues: [{ field: 'brandId', message: 'no such brand' }],
    });
    expect((await setCommission('not-a-brand', 500)).data!.setBrandCommission).toMatchObject({
      __typename: 'InvalidInput',
      issues: [{ field: 'brandId' }],
    });
    const denied = await setCommission(brandId, 500, customer);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const listed = await run<{ brandCommissions: { brand: { id: string } }[] }>(
      '{ brandCommissions { brand { id } rateBasisPoints } defaultCommissionBasisPoints }',
    );
    expect(listed.data!.brandCommissions.map((c) => c.brand.id)).not.toContain(brandId);
    for (const query of [
      '{ brandPayouts(from: "2026-11-23", to: "2026-11-29") { payout } }',
      '{ brandPayoutsCsv(from: "2026-11-23", to: "2026-11-29") }',
      '{ payoutSummary(from: "2026-11-23", to: "2026-11-29") { payouts } }',
      '{ brandCommissions { rateBasisPoints } }',
    ])
      expect((await run(query, {}, customer)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const badDate = await run('{ brandPayouts(from: "2026-02-31", to: "2026-03-01") { payout } }');
    expect(badDate.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('pays each brand per week its confirmed lines less commission and later refunds, once however often events come', async () => {
    const brandA = randomUUID();
    const brandB = randomUUID();
    expect((await setCommission(brandA, 1500)).data!.setBrandCommission).toMatchObject({
      __typename: 'BrandCommission',
      brand: { id: brandA },
      rateBasisPoints: 1500,
    });
    // Brand B pays the default (10 %).

    // Week 1 is 2026-11-23 (Monday) to 11-29, week 2 from 11-30.
    const one = paidOrder('2026-11-23', [
      { brandId: brandA, paidAmount: 10_010 },
      { brandId: brandB, paidAmount: 20_000 },
      { brandId: null, paidAmount: 5_000 },
    ]);
    const two = paidOrder('2026-11-24', [
      { brandId: brandA, paidAmount: 30_000 },
      { brandId: brandB, paidAmount: 15_000 },
    ]);
    const three = paidOrder('2026-11-26', [
      { brandId: brandA, paidAmount: 12_345 },
      { brandId: brandB, paidAmount: 8_000 },
    ]);
    const four = paidOrder('2026-11-30', [{ brandId: brandA, paidAmount: 7_000 }]);
    const [a1, b1] = one.lines;
    const [a2, b2] = two.lines;
    const [a3, b3] = three.lines;

    const week1: EventEnvelope[] = [
      one.paid,
      voided(20_000, '2026-11-24'),
      two.paid,
      one.completed('2026-11-25'),
      // Refunded before the order was confirmed: never payable.
      partlyRefunded(two.orderId, '2026-11-26', b2!, 5_000),
      three.paid,
      two.completed('2026-11-27'),
    ];
    const week2: EventEnvelope[] = [
      four.paid,
      three.completed('2026-12-01'),
      // Refunded on 11-30, before the confirmation, but seen after it: netted at the confirmation.
      partlyRefunded(three.orderId, '2026-11-30', b3!, 3_000),
      // Returned after the confirmation, keeping a 3,000 return fee: netted in week 2.
      refunded(one.orderId, '2026-12-02', [a1!], 3_000),
    ];
    for (const event of week1) await handle(event);
    // A new rate applies to lines confirmed from now on only.
    await setCommission(brandA, 2000);
    for (const event of week2) await handle(event);

    const events = [...week1, ...week2];
    const state = async () => {
      const em = orm.em.fork();
      return {
        ledger: (await em.find(LedgerEntry, {})).length,
        payables: (await em.find(PayableEntry, {}, { orderBy: { id: 'asc' } })).map((e) => ({
          ...e,
        })),
      };
    };
    const once = await state();
    for (let replay = 0; replay < 3; replay++)
      for (const event of [...events].reverse()) await handle(event);
    // The same facts in new envelopes (a producer that published again) book nothing either.
    for (const event of events) await handle({ ...event, id: randomUUID() });
    expect(await state()).toEqual(once);

    const week1Expected = {
      [brandA]: { confirmed: [a1!.paidAmount, a2!.paidAmount], rate: 1500, refunds: 0 },
      [brandB]: { confirmed: [b1!.paidAmount, b2!.paidAmount - 5_000], rate: 1000, refunds: 0 },
    };
    const payouts = await brandPayouts('2026-11-25', '2026-12-02');
    const of = (brandId: string, periodStart: string) =>
      payouts.find((p) => p.brand.id === brandId && p.periodStart === periodStart);
    expect(payouts).toHaveLength(4);
    for (const [brandId, expected] of Object.entries(week1Expected)) {
      const confirmedSales = expected.confirmed.reduce((sum, amount) => sum + amount, 0);
      const commission = expected.confirmed.reduce(
        (sum, amount) => sum + commissionOf(amount, expected.rate),
        0,
      );
      expect(of(brandId, '2026-11-23')).toEqual({
        periodStart: '2026-11-23',
        periodEnd: '2026-11-29',
        brand: { id: brandId },
        confirmedSales,
        refundsAfterConfirmation: 0,
        commission,
        payout: confirmedSales - commission,
      });
    }
    // Week 2, brand A: order 3's line at the new 20 %; order 1's line given back with the
    // commission taken on it at 15 %.
    const aCommission = commissionOf(a3!.paidAmount, 2000) - commissionOf(a1!.paidAmount, 1500);
    expect(of(brandA, '2026-11-30')).toEqual({
      periodStart: '2026-11-30',
      periodEnd: '2026-12-06',
      brand: { id: brandA },
      confirmedSales: a3!.paidAmount,
      refundsAfterConfirmation: a1!.paidAmount,
      commission: aCommission,
      payout: a3!.paidAmount - a1!.paidAmount - aCommission,
    });
    expect(aCommission).toBe(2469 - 1501);
    // Brand B: order 3's line confirmed whole, then 3,000 of it netted; commission on what stays.
    const bCommission = commissionOf(b3!.paidAmount - 3_000, 1000);
    expect(of(brandB, '2026-11-30')).toMatchObject({
      confirmedSales: b3!.paidAmount,
      refundsAfterConfirmation: 3_000,
      commission: bCommission,
      payout: b3!.paidAmount - 3_000 - bCommission,
    });
    // Whole periods: any day of a week gives the week.
    expect(await brandPayouts('2026-11-29', '2026-11-29')).toEqual(
      payouts.filter((p) => p.periodStart === '2026-11-23'),
    );
    expect(await brandPayouts('2026-12-07', '2026-12-31')).toEqual([]);

    const csv = await run<{ brandPayoutsCsv: string }>(
      '{ brandPayoutsCsv(from: "2026-11-25", to: "2026-12-02") }',
    );
    expect(csv.data!.brandPayoutsCsv).toBe(
      [
        'period_start,period_end,brand_id,confirmed_sales,refunds_after_confirmation,commission,payout',
        ...payouts.map((p) =>
          [
            p.periodStart,
            p.periodEnd,
            p.brand.id,
            p.confirmedSales,
            p.refundsAfterConfirmation,
            p.commission,
            p.payout,
          ].join(','),
        ),
      ]
        .map((row) => `${row}\r\n`)
        .join(''),
    );

    // The orders charged in both weeks, and what the PG kept of them.
    const summary = (
      await run<{ payoutSummary: Omit<PayoutSummary, 'from' | 'to'> }>(
        `{ payoutSummary(from: "2026-11-23", to: "2026-11-30") {
          orders pgPayments pgRefunds payouts commission ownProducts notYetConfirmed shopOwn
        } }`,
      )
    ).data!.payoutSummary;
    const orders = [one, two, three, four];
    const pgPayments = orders.reduce((sum, o) => sum + o.charged, 0) + 20_000;
    const pgRefunds = 5_000 + 3_000 + (a1!.paidAmount - 3_000) + 20_000;
    const brandsOwed = payouts.reduce((sum, p) => sum + p.payout, 0);
    const commissionTaken = payouts.reduce((sum, p) => sum + p.commission, 0);
    expect(summary).toEqual({
      orders: 5,
      pgPayments,
      pgRefunds,
      payouts: brandsOwed,
      commission: commissionTaken,
      ownProducts: 5_000,
      notYetConfirmed: 7_000,
      shopOwn: orders.reduce((sum, o) => sum + o.shippingFee, 0) + 3_000,
    });
    expect(
      summary.payouts +
        summary.commission +
        summary.ownProducts +
        summary.notYetConfirmed +
        summary.shopOwn,
    ).toBe(summary.pgPayments - summary.pgRefunds);
    // An order charged later is not in an earlier range.
    expect(
      (
        await run<{ payoutSummary: { orders: number } }>(
          '{ payoutSummary(from: "2026-11-23", to: "2026-11-29") { orders } }',
        )
      ).data!.payoutSummary.orders,
    ).toBe(4);
  });

  it('never pays a line beyond what the PG kept for it', async () => {
    const brandId = randomUUID();
    const order = paidOrder('2026-10-05', [{ brandId, paidAmount: 9_000 }]);
    const [line] = order.lines;
    await handle(order.paid);
    await handle(order.completed('2026-10-06'));
    // Given back in two parts after the confirmation, then the whole line again by a refund that
    // counted it once more: the line's payable stops at zero.
    await handle(partlyRefunded(order.orderId, '2026-10-07', line!, 4_000));
    await handle(partlyRefunded(order.orderId, '2026-10-08', line!, 5_000));
    await handle(refunded(order.orderId, '2026-10-09', [line!]));
    const entries = await orm.em.fork().find(PayableEntry, { orderId: order.orderId });
    expect(entries.map((e) => [e.kind, e.amount, e.commission])).toEqual([
      ['CONFIRMED', 9_000, 900],
      ['REFUND_AFTER_CONFIRMATION', -4_000, -400],
      ['REFUND_AFTER_CONFIRMATION', -5_000, -500],
    ]);
    // A line fully refunded before its order was confirmed is not payable at all.
    const early = paidOrder('2026-10-05', [{ brandId, paidAmount: 6_000 }]);
    await handle(early.paid);
    await handle(refunded(early.orderId, '2026-10-06', early.lines));
    await handle(early.completed('2026-10-07'));
    expect(await orm.em.fork().count(PayableEntry, { orderId: early.orderId })).toBe(0);
  });

  it.runIf(kind === 'mysql')(
    'nets a refund handled at the same time as its order’s confirmation',
    async () => {
      const brandId = randomUUID();
      const orders = Array.from({ length: 20 }, () =>
        paidOrder('2026-09-07', [
          { brandId, paidAmount: 10_000 },
          { brandId, paidAmount: 4_000 },
        ]),
      );
      for (const order of orders) await handle(order.paid);
      // As two Kafka partitions (order.events, payment.events) would deliver them.
      await Promise.all(
        orders.flatMap((order) => [
          handle(order.completed('2026-09-08')),
          handle(partlyRefunded(order.orderId, '2026-09-08', order.lines[0]!, 2_500)),
        ]),
      );
      const em = orm.em.fork();
      for (const order of orders) {
        const entries = await em.find(PayableEntry, { orderId: order.orderId });
        const payable = (lineId: string) =>
          entries.filter((e) => e.lineId === lineId).reduce((sum, e) => sum + e.amount, 0);
        expect(payable(order.lines[0]!.lineId)).toBe(10_000 - 2_500);
        expect(payable(order.lines[1]!.lineId)).toBe(4_000);
      }
    },
  );
});
