import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  orderStatuses,
  type OrderStatus,
  type OrderWithLines,
  type RefundLine,
  type SkuInfo,
} from '@shop/contracts';
import { createLogger } from '@shop/kit';
import { openDatabase, type DatabaseConfig, type Orm } from '@shop/kit/db';
import { Outbox, OutboxEvent } from '@shop/kit/events';
import { createTestDatabase, type TestDatabase } from '@shop/testkit';
import { describeOnEachDatabase } from '@shop/testkit/each-database';
import { returnEntities } from '../src/domain/entities.js';
import { ReturnLine } from '../src/domain/return-line.entity.js';
import {
  Return,
  returnStatuses,
  type ReturnStatus,
  type ReturnType as ReturnKind,
} from '../src/domain/return.entity.js';
import type { ReturnCollaborators } from '../src/services/collaborators.js';
import { ReturnDesk, type ReturnRequest } from '../src/services/return-desk.js';
import { ReturnEvents } from '../src/services/return-events.js';

/** The return trip a customer who changed their mind pays. */
const returnTrip = 3_000;

/** Order, product, payment and the carrier as a return sees them; what it asked of them, noted. */
function fakeCollaborators() {
  const orders = new Map<string, OrderWithLines>();
  /** The carrier's tracking number of each parcel, by reference. */
  const parcels = new Map<string, string>();
  const skus = new Map<string, SkuInfo>();
  const refunds: { orderId: string; returnId: string; amount: number; lines: RefundLine[] }[] = [];
  const state = { replacementInStock: true };
  const collaborators = {
    order: (orderId: string) => Promise.resolve(orders.get(orderId) ?? null),
    sku: (skuId: string) => Promise.resolve(skus.get(skuId) ?? null),
    refund: (orderId: string, returnId: string, amount: number, lines: RefundLine[]) => {
      refunds.push({ orderId, returnId, amount, lines });
      return Promise.resolve();
    },
    takeReplacement: () => Promise.resolve(state.replacementInStock),
    registerParcel: (reference: string) => {
      parcels.set(reference, parcels.get(reference) ?? `CJ${600_000_000 + parcels.size}`);
      return Promise.resolve(parcels.get(reference)!);
    },
  } as unknown as ReturnCollaborators;
  return { collaborators, orders, skus, refunds, state, parcels };
}

async function openReturnDatabase(kind: DatabaseConfig['kind'], label: string) {
  const database: TestDatabase = await createTestDatabase(kind, label);
  const orm: Orm = await openDatabase({ config: database.config, entities: returnEntities });
  await orm.schema.update();
  return {
    orm,
    close: async () => {
      await orm.close();
      await database.drop();
    },
  };
}

describeOnEachDatabase('the return desk on $name', (kind) => {
  let database: Awaited<ReturnType<typeof openReturnDatabase>>;
  const { collaborators, orders, skus, refunds, state, parcels } = fakeCollaborators();
  const outbox = new Outbox('return');
  const desk = new ReturnDesk({
    collaborators,
    outbox,
    events: new ReturnEvents(outbox),
    shippingFee: returnTrip,
    logger: createLogger('test', { level: 'silent' }),
  });

  beforeAll(async () => {
    database = await openReturnDatabase(kind, 'return_desk');
  });
  afterAll(async () => {
    await database.close();
  });
  beforeEach(() => {
    refunds.length = 0;
    state.replacementInStock = true;
  });

  /** A customer's order of one line: 3 units that cost 10,000 in all, 1,000 of it in points. */
  function deliveredOrder(status: OrderStatus = 'DELIVERED') {
    const line = {
      lineId: randomUUID(),
      skuId: randomUUID(),
      productId: randomUUID(),
      brandId: randomUUID(),
      quantity: 3,
      paidAmount: 10_000,
      pointsUsed: 1_000,
    };
    const order: OrderWithLines = {
      id: randomUUID(),
      userId: randomUUID(),
      status,
      orderName: '남성 반팔 티셔츠',
      totalAmount: 13_000,
      expiresAt: new Date().toISOString(),
      lines: [line],
    };
    orders.set(order.id, order);
    return { order, line };
  }

  const asking = (
    order: OrderWithLines,
    quantity: number,
    more: Partial<ReturnRequest> = {},
  ): ReturnRequest => ({
    orderId: order.id,
    type: 'RETURN',
    reason: 'DEFECTIVE',
    lines: [{ orderLineId: order.lines[0]!.lineId, quantity }],
    ...more,
  });

  async function requested(request: ReturnRequest, userId: string) {
    const outcome = await desk.request(database.orm.em.fork(), userId, request);
    if (outcome.kind !== 'requested') throw new Error(`not requested: ${JSON.stringify(outcome)}`);
    return outcome.ret;
  }

  const linesOf = (returnId: string) =>
    database.orm.em.fork().find(ReturnLine, { returnId }, { orderBy: { id: 'asc' } });
  const storedReturn = (returnId: string) =>
    database.orm.em.fork().findOneOrFail(Return, { id: returnId });

  /** The types of the events recorded for the order's returns, oldest first. */
  async function eventTypes(orderId: string) {
    const rows = await database.orm.em
      .fork()
      .find(OutboxEvent, { key: orderId }, { orderBy: { id: 'asc' } });
    return rows.map((row) => (JSON.parse(row.envelope) as { type: string }).type);
  }

  describe('asking for a return', () => {
    const returnable: OrderStatus[] = ['DELIVERED', 'PARTIALLY_RETURNED', 'COMPLETED'];

    it.each(orderStatuses.map((status) => ({ status, open: returnable.includes(status) })))(
      'an order that is $status may be returned: $open',
      async ({ status, open }) => {
        const { order } = deliveredOrder(status);
        const outcome = await desk.request(database.orm.em.fork(), order.userId, asking(order, 1));
        if (open) expect(outcome.kind).toBe('requested');
        else
          expect(outcome).toEqual({
            kind: 'not-returnable',
            message: `Only delivered orders can be returned; this one is ${status}.`,
          });
      },
    );

    it("refuses someone else's order, or an unknown one, as no such order", async () => {
      const { order } = deliveredOrder();
      const noSuchOrder = {
        kind: 'invalid-input',
        issues: [{ field: 'orderId', message: 'no such order' }],
      };
      expect(await desk.request(database.orm.em.fork(), randomUUID(), asking(order, 1))).toEqual(
        noSuchOrder,
      );
      expect(
        await desk.request(database.orm.em.fork(), order.userId, {
          ...asking(order, 1),
          orderId: randomUUID(),
        }),
      ).toEqual(noSuchOrder);
    });

    it('refuses a line of another order and a quantity of none', async () => {
      const { order } = deliveredOrder();
      expect(
        await desk.request(database.orm.em.fork(), order.userId, {
          ...asking(order, 1),
          lines: [{ orderLineId: randomUUID(), quantity: 1 }],
        }),
      ).toEqual({
        kind: 'invalid-input',
        issues: [{ field: 'lines.0.orderLineId', message: 'not a line of this order' }],
      });
      const none = await desk.request(database.orm.em.fork(), order.userId, asking(order, 0));
      expect(none.kind === 'invalid-input' && none.issues.map((issue) => issue.field)).toEqual([
        'lines.0.quantity',
      ]);
    });

    it('gives each unit its share of what the line cost, the last units what is left', async () => {
      const { order } = deliveredOrder();
      const first = await requested(asking(order, 1), order.userId);
      const second = await requested(asking(order, 1), order.userId);
      const last = await requested(asking(order, 1), order.userId);
      const shares = await Promise.all(
        [first, second, last].map(async (ret) => {
          const [line] = await linesOf(ret.id);
          return { refundAmount: line!.refundAmount, pointsAmount: line!.pointsAmount };
        }),
      );
      expect(shares).toEqual([
        { refundAmount: 3_333, pointsAmount: 333 },
        { refundAmount: 3_333, pointsAmount: 333 },
        { refundAmount: 3_334, pointsAmount: 334 },
      ]);
      expect(await desk.request(database.orm.em.fork(), order.userId, asking(order, 1))).toEqual({
        kind: 'invalid-input',
        issues: [{ field: 'lines.0.quantity', message: 'only 0 left to return' }],
      });
    });

    it('lets the units of a rejected return be asked for again', async () => {
      const { order } = deliveredOrder();
      const ret = await requested(asking(order, 3), order.userId);
      expect((await desk.reject(database.orm.em, ret.id)).kind).toBe('done');
      expect(
        (await desk.request(database.orm.em.fork(), order.userId, asking(order, 3))).kind,
      ).toBe('requested');
    });

    it.each([
      { reason: 'CHANGED_MIND', fee: returnTrip },
      { reason: 'DEFECTIVE', fee: 0 },
      { reason: 'WRONG_ITEM', fee: 0 },
    ] as const)('charges the return trip of a $reason return: $fee', async ({ reason, fee }) => {
      const { order } = deliveredOrder();
      const ret = await requested(asking(order, 1, { reason }), order.userId);
      expect(ret).toMatchObject({ status: 'REQUESTED', shippingFee: fee });
      expect(await eventTypes(order.id)).toEqual(['ReturnRequested']);
    });

    it('exchanges for another SKU of the same product on sale, refunding nothing', async () => {
      const { order, line } = deliveredOrder();
      const sku = (productId: string, sellable: boolean) => {
        const info = { id: randomUUID(), productId, sellable } as unknown as SkuInfo;
        skus.set(info.id, info);
        return info.id;
      };
      const exchange = (exchangeSkuId: string) =>
        desk.request(database.orm.em.fork(), order.userId, {
          ...asking(order, 1, { type: 'EXCHANGE', reason: 'CHANGED_MIND' }),
          lines: [{ orderLineId: line.lineId, quantity: 1, exchangeSkuId }],
        });
      const refused = {
        kind: 'invalid-input',
        issues: [
          {
            field: 'lines.0.exchangeSkuId',
            message: 'an exchange needs another SKU of the same product, on sale',
          },
        ],
      };
      expect(await exchange(sku(randomUUID(), true))).toEqual(refused);
      expect(await exchange(sku(line.productId, false))).toEqual(refused);
      const outcome = await exchange(sku(line.productId, true));
      if (outcome.kind !== 'requested') throw new Error(`not requested: ${outcome.kind}`);
      expect(outcome.ret.shippingFee).toBe(0);
      expect(await linesOf(outcome.ret.id)).toEqual([
        expect.objectContaining({ refundAmount: 0, pointsAmount: 0 }),
      ]);
    });
  });

  /** A return of one unit worth 10,000 written straight in `status`. */
  async function returnIn(status: ReturnStatus, type: ReturnKind = 'RETURN', shippingFee = 0) {
    const em = database.orm.em.fork();
    const ret = em.create(Return, {
      id: randomUUID(),
      orderId: randomUUID(),
      userId: randomUUID(),
      type,
      reason: 'DEFECTIVE',
      status,
      shippingFee,
    });
    em.persist(ret);
    em.persist(
      em.create(ReturnLine, {
        returnId: ret.id,
        orderLineId: randomUUID(),
        brandId: null,
        skuId: randomUUID(),
        quantity: 1,
        refundAmount: 10_000,
        pointsAmount: 0,
        exchangeSkuId: type === 'EXCHANGE' ? randomUUID() : null,
      }),
    );
    await em.flush();
    return ret;
  }

  /** Where each step takes a return in each status; `wrong-status` leaves it where it was. */
  const steps: Record<
    'reject' | 'approve' | 'receive',
    Partial<Record<ReturnStatus, ReturnStatus>>
  > = {
    reject: { REQUESTED: 'REJECTED' },
    // Approving books the pickup at once: the return is then being collected.
    approve: { REQUESTED: 'COLLECTING' },
    // Receiving again finishes what a receipt left halfway, and changes nothing once closed.
    receive: {
      COLLECTING: 'REFUNDED',
      RECEIVED: 'REFUNDED',
      REFUNDED: 'REFUNDED',
      RESHIPPED: 'RESHIPPED',
    },
  };
  const walk = (['reject', 'approve', 'receive'] as const).flatMap((step) =>
    returnStatuses.map((from) => ({ step, from, to: steps[step][from] })),
  );

  describe('every step from every status', () => {
    it.each(walk)('$step a $from return → $to', async ({ step, from, to }) => {
      const ret = await returnIn(from);
      const outcome = await desk[step](database.orm.em, ret.id);
      if (to)
        expect(outcome).toEqual({ kind: 'done', ret: expect.objectContaining({ status: to }) });
      else expect(outcome).toEqual({ kind: 'wrong-status', status: from });
      expect((await storedReturn(ret.id)).status).toBe(to ?? from);
    });

    it.each(['reject', 'approve', 'receive'] as const)(
      '%s an unknown return: not found',
      async (step) => {
        expect(await desk[step](database.orm.em, randomUUID())).toEqual({ kind: 'not-found' });
      },
    );
  });

  describe('receiving', () => {
    it('refunds the lines less the return trip, once, and announces receipt and refund', async () => {
      const { order } = deliveredOrder();
      const ret = await requested(asking(order, 3, { reason: 'CHANGED_MIND' }), order.userId);
      await desk.approve(database.orm.em, ret.id);
      await desk.receive(database.orm.em, ret.id);
      await desk.receive(database.orm.em, ret.id);
      expect(refunds).toEqual([
        {
          orderId: order.id,
          returnId: ret.id,
          amount: 10_000 - returnTrip,
          lines: [
            { lineId: order.lines[0]!.lineId, brandId: order.lines[0]!.brandId, amount: 10_000 },
          ],
        },
      ]);
      expect(await storedReturn(ret.id)).toMatchObject({
        status: 'REFUNDED',
        refundedAmount: 10_000 - returnTrip,
        pickupTrackingNumber: parcels.get(`pickup-${ret.id}`),
      });
      expect(await eventTypes(order.id)).toEqual([
        'ReturnRequested',
        'ReturnApproved',
        'ReturnReceived',
        'ReturnRefunded',
      ]);
    });

    it('asks no refund when the return trip costs more than the units', async () => {
      const ret = await returnIn('COLLECTING', 'RETURN', 12_000);
      expect(await desk.receive(database.orm.em, ret.id)).toEqual({
        kind: 'done',
        ret: expect.objectContaining({ status: 'REFUNDED', refundedAmount: 0 }),
      });
      expect(refunds).toEqual([]);
    });

    it('ships the replacement of an exchange: COLLECTING → RESHIPPED', async () => {
      const ret = await returnIn('COLLECTING', 'EXCHANGE');
      expect(await desk.receive(database.orm.em, ret.id)).toEqual({
        kind: 'done',
        ret: expect.objectContaining({
          status: 'RESHIPPED',
          reshipTrackingNumber: parcels.get(`exchange-${ret.id}`),
        }),
      });
      expect(refunds).toEqual([]);
    });

    it('keeps an exchange RECEIVED while its replacement is out of stock', async () => {
      const ret = await returnIn('COLLECTING', 'EXCHANGE');
      state.replacementInStock = false;
      await expect(desk.receive(database.orm.em, ret.id)).rejects.toThrow(
        `no stock for the replacement of return ${ret.id}; restock it and receive again`,
      );
      expect((await storedReturn(ret.id)).status).toBe('RECEIVED');
    });
  });
});

describeOnEachDatabase('return recovery on $name', (kind) => {
  // A database of its own: recovery looks at every return there.
  let database: Awaited<ReturnType<typeof openReturnDatabase>>;
  const { collaborators } = fakeCollaborators();
  const outbox = new Outbox('return');
  const desk = new ReturnDesk({
    collaborators,
    outbox,
    events: new ReturnEvents(outbox),
    shippingFee: returnTrip,
    logger: createLogger('test', { level: 'silent' }),
  });
  beforeEach(async () => {
    database = await openReturnDatabase(kind, 'return_recovery');
  });
  afterEach(async () => {
    await database.close();
  });

  it('finishes returns left APPROVED or RECEIVED longer ago than the delay, and no other', async () => {
    const now = new Date('2026-12-10T12:00:00Z');
    const em = database.orm.em.fork();
    const write = (status: ReturnStatus, updatedAt: Date) => {
      const ret = em.create(Return, {
        id: randomUUID(),
        orderId: randomUUID(),
        userId: randomUUID(),
        type: 'RETURN',
        reason: 'DEFECTIVE',
        status,
      });
      em.persist(ret);
      em.persist(
        em.create(ReturnLine, {
          returnId: ret.id,
          orderLineId: randomUUID(),
          brandId: null,
          skuId: randomUUID(),
          quantity: 1,
          refundAmount: 10_000,
          pointsAmount: 0,
          exchangeSkuId: null,
        }),
      );
      return { ret, updatedAt };
    };
    const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
    const rows = [
      write('APPROVED', minutesAgo(10)),
      write('RECEIVED', minutesAgo(10)),
      write('APPROVED', minutesAgo(1)),
      write('COLLECTING', minutesAgo(10)),
    ];
    await em.flush();
    for (const { ret, updatedAt } of rows)
      await em.nativeUpdate(Return, { id: ret.id }, { updatedAt });

    expect(await desk.resumeStale(database.orm.em, 5 * 60_000, now)).toBe(2);
    const statuses = await Promise.all(
      rows.map(
        async ({ ret }) =>
          (await database.orm.em.fork().findOneOrFail(Return, { id: ret.id })).status,
      ),
    );
    expect(statuses).toEqual(['COLLECTING', 'REFUNDED', 'APPROVED', 'COLLECTING']);
  });
});
