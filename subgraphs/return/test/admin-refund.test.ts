import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { OrderWithLines, RefundLine } from '@shop/contracts';
import { createLogger } from '@shop/kit';
import { openDatabase, type Orm } from '@shop/kit/db';
import { Outbox, OutboxEvent } from '@shop/kit/events';
import { createTestDatabase, type TestDatabase } from '@shop/testkit';
import { describeOnEachDatabase } from '@shop/testkit/each-database';
import { returnEntities } from '../src/domain/entities.js';
import { Return } from '../src/domain/return.entity.js';
import { AdminRefunds, type AdminRefundRequest } from '../src/services/admin-refund.js';
import type { ReturnCollaborators } from '../src/services/collaborators.js';
import { ReturnDesk } from '../src/services/return-desk.js';
import { ReturnEvents } from '../src/services/return-events.js';

describeOnEachDatabase('an admin’s refund of a line on $name', (kind) => {
  let database: TestDatabase;
  let orm: Orm;
  const orders = new Map<string, OrderWithLines>();
  /** The refunds payment made, and how many more calls fail first (payment down). */
  const payment = {
    refunds: [] as { returnId: string; amount: number; lines: RefundLine[] }[],
    failing: 0,
  };
  const parcels: string[] = [];
  const collaborators = {
    order: (orderId: string) => Promise.resolve(orders.get(orderId) ?? null),
    refund: (_orderId: string, returnId: string, amount: number, lines: RefundLine[]) => {
      if (payment.failing-- > 0) return Promise.reject(new Error('payment is down'));
      // Payment refunds once per return key, however often asked.
      if (!payment.refunds.some((refund) => refund.returnId === returnId))
        payment.refunds.push({ returnId, amount, lines });
      return Promise.resolve();
    },
    registerParcel: (reference: string) => {
      parcels.push(reference);
      return Promise.resolve('CJ600000001');
    },
  } as unknown as ReturnCollaborators;
  const outbox = new Outbox('return');
  const refunds = new AdminRefunds(
    new ReturnDesk({
      collaborators,
      outbox,
      events: new ReturnEvents(outbox),
      shippingFee: 3_000,
      logger: createLogger('test', { level: 'silent' }),
    }),
  );

  beforeAll(async () => {
    database = await createTestDatabase(kind, 'admin_refund');
    orm = await openDatabase({ config: database.config, entities: returnEntities });
    await orm.schema.update();
  });
  afterAll(async () => {
    await orm.close();
    await database.drop();
  });
  beforeEach(() => {
    payment.refunds.length = 0;
    payment.failing = 0;
    parcels.length = 0;
  });

  /** A delivered order of one line: 3 units that cost 30,000 in all. */
  function deliveredOrder(): OrderWithLines {
    const order: OrderWithLines = {
      id: randomUUID(),
      userId: randomUUID(),
      status: 'DELIVERED',
      orderName: '린넨 셔츠',
      totalAmount: 33_000,
      expiresAt: new Date().toISOString(),
      lines: [
        {
          lineId: randomUUID(),
          skuId: randomUUID(),
          productId: randomUUID(),
          brandId: randomUUID(),
          quantity: 3,
          paidAmount: 30_000,
          pointsUsed: 0,
        },
      ],
    };
    orders.set(order.id, order);
    return order;
  }

  const refundOf = (order: OrderWithLines, quantity: number): AdminRefundRequest => ({
    orderId: order.id,
    orderLineId: order.lines[0]!.lineId,
    quantity,
    // A changed mind would pay the return trip were the customer asking; the admin's refund does not.
    reason: 'CHANGED_MIND',
    idempotencyKey: randomUUID(),
  });

  const eventTypes = async (orderId: string) =>
    (await orm.em.fork().find(OutboxEvent, { key: orderId }, { orderBy: { id: 'asc' } })).map(
      (row) => (JSON.parse(row.envelope) as { type: string }).type,
    );

  it('opens a return for the customer and takes it to REFUNDED by the customer’s path, no pickup', async () => {
    const order = deliveredOrder();
    const outcome = await refunds.refundLine(orm.em, refundOf(order, 1));
    expect(outcome).toMatchObject({
      kind: 'refunded',
      ret: { status: 'REFUNDED', userId: order.userId, shippingFee: 0, refundedAmount: 10_000 },
    });
    expect(payment.refunds).toEqual([
      {
        returnId: outcome.kind === 'refunded' && outcome.ret.id,
        amount: 10_000,
        lines: [
          { lineId: order.lines[0]!.lineId, brandId: order.lines[0]!.brandId, amount: 10_000 },
        ],
      },
    ]);
    expect(parcels).toEqual([]);
    // ReturnReceived restocks at product; ReturnRefunded closes it at order and user.
    expect(await eventTypes(order.id)).toEqual([
      'ReturnRequested',
      'ReturnApproved',
      'ReturnReceived',
      'ReturnRefunded',
    ]);
  });

  it('refunds once however often the same request is retried, after a failure or at once', async () => {
    const order = deliveredOrder();
    const request = refundOf(order, 2);
    payment.failing = 1;
    await expect(refunds.refundLine(orm.em, request)).rejects.toThrow('payment is down');
    const retried = await refunds.refundLine(orm.em, request);
    const again = await Promise.all([
      refunds.refundLine(orm.em, request),
      refunds.refundLine(orm.em, request),
    ]);
    for (const outcome of [retried, ...again])
      expect(outcome).toMatchObject({ kind: 'refunded', ret: { refundedAmount: 20_000 } });
    expect(payment.refunds.map((refund) => refund.amount)).toEqual([20_000]);
    expect(await orm.em.fork().count(Return, { orderId: order.id })).toBe(1);
    expect((await eventTypes(order.id)).filter((type) => type === 'ReturnRefunded')).toHaveLength(
      1,
    );
  });

  it('refuses more than was bought, and more than is left once refunded', async () => {
    const order = deliveredOrder();
    expect(await refunds.refundLine(orm.em, refundOf(order, 4))).toEqual({
      kind: 'invalid-input',
      issues: [{ field: 'lines.0.quantity', message: 'only 3 left to return' }],
    });
    expect(await refunds.refundLine(orm.em, refundOf(order, 3))).toMatchObject({
      kind: 'refunded',
      ret: { refundedAmount: 30_000 },
    });
    expect(await refunds.refundLine(orm.em, refundOf(order, 1))).toEqual({
      kind: 'invalid-input',
      issues: [{ field: 'lines.0.quantity', message: 'only 0 left to return' }],
    });
    expect(payment.refunds.map((refund) => refund.amount)).toEqual([30_000]);
  });

  it('refuses bad input with the field it is about', async () => {
    const order = deliveredOrder();
    const fields = async (request: AdminRefundRequest) => {
      const outcome = await refunds.refundLine(orm.em, request);
      return outcome.kind === 'invalid-input'
        ? outcome.issues.map((issue) => issue.field)
        : outcome;
    };
    expect(await fields({ ...refundOf(order, 0) })).toEqual(['quantity']);
    expect(await fields({ ...refundOf(order, 1), orderId: randomUUID() })).toEqual(['orderId']);
    expect(await fields({ ...refundOf(order, 1), orderLineId: randomUUID() })).toEqual([
      'lines.0.orderLineId',
    ]);
    expect(await fields({ ...refundOf(order, 1), idempotencyKey: 'short' })).toEqual([
      'idempotencyKey',
    ]);
    const other = deliveredOrder();
    const used = refundOf(order, 1);
    await refunds.refundLine(orm.em, used);
    expect(await fields({ ...refundOf(other, 1), idempotencyKey: used.idempotencyKey })).toEqual([
      'idempotencyKey',
    ]);
  });

  it('refuses an order not yet delivered', async () => {
    const order = { ...deliveredOrder(), status: 'PAID' as const };
    orders.set(order.id, order);
    expect(await refunds.refundLine(orm.em, refundOf(order, 1))).toEqual({
      kind: 'not-returnable',
      message: 'Only delivered orders can be returned; this one is PAID.',
    });
  });
});
