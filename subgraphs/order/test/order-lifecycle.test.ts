import { randomUUID } from 'node:crypto';
import { bulkhead } from 'cockatiel';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OrderStatus, Quote, RefundLine } from '@shop/contracts';
import { createLogger } from '@shop/kit';
import type { Orm } from '@shop/kit/db';
import { Outbox } from '@shop/kit/events';
import { OrderLine } from '../src/domain/order-line.entity.js';
import { Order } from '../src/domain/order.entity.js';
import { OrderEvents } from '../src/services/order-events.js';
import type { OrderHolds } from '../src/services/order-holds.js';
import { OrderLifecycle } from '../src/services/order-lifecycle.js';
import type { PaymentClient } from '../src/services/payment-client.js';
import { PlaceOrder } from '../src/services/place-order.js';
import type { PointsClient } from '../src/services/points-client.js';
import type { PromotionClient } from '../src/services/promotion-client.js';
import type { StockClient, StockReservation } from '../src/services/stock-client.js';
import { MemoryStockGate } from '../src/services/stock-gate.js';
import {
  eventsOf,
  insertOrder,
  openOrderDatabase,
  orderTotal,
  stored,
  type OrderDatabase,
} from './order-fixture.js';
import { describeOnEachDatabase } from '@shop/testkit/each-database';
import { waitFor } from '@shop/testkit';

const logger = createLogger('test', { level: 'silent' });
const outbox = new Outbox('order');
const events = new OrderEvents(outbox);

/** Holds that always settle, noting each order and the status it was settled in. */
function settlingHolds() {
  const settled: string[] = [];
  const holds = {
    settle: (_em: unknown, order: Order) => {
      settled.push(`${order.id} ${order.status}`);
      return Promise.resolve('settled' as const);
    },
  } as unknown as OrderHolds;
  return { holds, settled };
}

/**
 * Whether another connection to this MySQL database is running an UPDATE of an order (read from
 * the process list, which shows a user its own connections without the PROCESS privilege).
 */
async function updatingAnOrder(orm: Orm): Promise<boolean> {
  const [row] = await orm.em.getConnection().execute<{ updating: number }[]>(
    `select count(*) as updating from information_schema.processlist
      where db = database() and command = 'Query' and info like 'update \`shop_order\`%'`,
  );
  return Number(row!.updating) > 0;
}

/** payment's refund: the whole charge back, or `fails`; every request noted. */
function refundingPayment() {
  const asked: { orderId: string; reason: string; lines: RefundLine[] }[] = [];
  const state: { fails: boolean; meanwhile?: (orderId: string) => Promise<void> } = {
    fails: false,
  };
  const payment = {
    refundAll: async (orderId: string, reason: string, lines: RefundLine[]) => {
      asked.push({ orderId, reason, lines });
      if (state.fails) throw new Error('PG unreachable');
      await state.meanwhile?.(orderId);
      return {
        paymentId: randomUUID(),
        cancelledAmount: orderTotal,
        refundableAmount: 0,
        status: 'CANCELLED' as const,
      };
    },
  } as unknown as PaymentClient;
  return { payment, asked, state };
}

describeOnEachDatabase('order lifecycle on $name', (kind) => {
  let database: OrderDatabase;
  const { holds, settled } = settlingHolds();
  const { payment, asked, state } = refundingPayment();
  const lifecycle = new OrderLifecycle({ outbox, events, holds, payment, logger });

  beforeAll(async () => {
    database = await openOrderDatabase(kind, 'order_lifecycle');
  });
  afterAll(async () => {
    await database.close();
  });
  beforeEach(() => {
    settled.length = 0;
    asked.length = 0;
    state.fails = false;
    state.meanwhile = undefined;
  });

  describe('placing', () => {
    const skuId = randomUUID();
    const quote: Quote = {
      lines: [
        {
          skuId,
          productId: randomUUID(),
          productName: '남성 반팔 티셔츠',
          brandId: null,
          options: { 사이즈: 'M' },
          quantity: 2,
          unitPrice: 10_000,
          salePrice: 10_000,
          lineSubtotal: 20_000,
          productDiscount: 0,
          couponDiscount: 0,
          lineTotal: 20_000,
        },
      ],
      subtotal: 20_000,
      productDiscount: 0,
      couponDiscount: 0,
      total: 20_000,
      coupon: null,
      unavailableSkuIds: [],
    };
    const reserve: { answer: () => Promise<StockReservation> } = {
      answer: () => Promise.reject(new Error('set by each test')),
    };
    const gate = new MemoryStockGate();
    /** One placement at a time, so a test can hold one and see the next wait. */
    const placements = bulkhead(1, 10);
    let quotes = 0;
    let gateRefusals = 0;
    const placeOrder = new PlaceOrder({
      outbox,
      events,
      holds,
      stock: { reserve: () => reserve.answer() } as unknown as StockClient,
      promotion: {
        quote: () => {
          quotes += 1;
          return Promise.resolve(quote);
        },
      } as unknown as PromotionClient,
      points: {} as PointsClient,
      rules: { freeShippingFrom: 50_000, shippingFee: 3_000, minimumCharge: 100 },
      gate,
      placements,
      onGateRefusal: () => (gateRefusals += 1),
      logger,
    });
    const place = (userId = randomUUID(), idempotencyKey = `checkout-${randomUUID()}`) =>
      placeOrder.place(database.orm.em, userId, {
        lines: [{ skuId, quantity: 2 }],
        shippingAddress: {
          recipient: '홍길동',
          phone: '010-1234-5678',
          postalCode: '06236',
          line1: '서울특별시 강남구 테헤란로 123',
        },
        idempotencyKey,
      });

    /** The gate learns, from a product it has not seen, that the SKU has `available` units. */
    const gateKnows = (available: number) =>
      gate.apply({ productId: randomUUID(), revision: 1, skus: [{ id: skuId, available }] });
    /** Product reserves, holding the stock for 15 minutes; `left` as it would answer. */
    const reservedAnswer = (left?: { id: string; available: number }[]) => () =>
      Promise.resolve<StockReservation>({
        status: 'RESERVED',
        expiresAt: new Date(Date.now() + 900_000).toISOString(),
        ...(left ? { left } : {}),
      });

    it('PLACING → PENDING once every hold is taken, payable until a minute before the stock lets go', async () => {
      // Whole seconds: MySQL keeps no milliseconds.
      const holdEnds = new Date(Math.ceil(Date.now() / 1000) * 1000 + 15 * 60_000);
      reserve.answer = () =>
        Promise.resolve({ status: 'RESERVED', expiresAt: holdEnds.toISOString() });
      const outcome = await place();
      if (outcome.kind !== 'placed') throw new Error(`not placed: ${outcome.kind}`);
      expect(outcome.order.status).toBe('PENDING');
      expect(outcome.order.expiresAt).toEqual(new Date(holdEnds.getTime() - 60_000));
      // The event carries the lines as stored (placing hands over those it wrote).
      const stored = await database.orm.em.fork().find(OrderLine, { orderId: outcome.order.id });
      expect(stored).toHaveLength(1);
      expect(await eventsOf(database.orm, outcome.order.id)).toEqual([
        {
          type: 'OrderPlaced',
          data: expect.objectContaining({
            lines: stored.map((line) => ({
              lineId: line.id,
              skuId,
              productId: line.productId,
              brandId: line.brandId,
              quantity: 2,
              paidAmount: line.paidAmount,
              productDiscount: line.productDiscount,
              couponDiscount: line.couponDiscount,
              pointsUsed: line.pointsUsed,
            })),
          }),
        },
      ]);
    });

    it('PLACING → FAILED when product refuses the stock, and the holds are given back', async () => {
      reserve.answer = () =>
        Promise.resolve({
          status: 'UNRESERVABLE',
          skuId,
          requested: 2,
          reason: 'out-of-stock',
          available: 1,
        });
      const outcome = await place();
      expect(outcome).toEqual({ kind: 'out-of-stock', skuId, requested: 2, available: 1 });
      expect(settled).toHaveLength(1);
      const orderId = settled[0]!.split(' ')[0]!;
      expect(settled).toEqual([`${orderId} FAILED`]);
      expect(await stored(database.orm, orderId)).toMatchObject({
        status: 'FAILED',
        failureReason: 'out-of-stock',
        holdsSettled: false,
      });
      expect(await eventsOf(database.orm, orderId)).toEqual([
        { type: 'OrderFailed', data: expect.objectContaining({ reason: 'out-of-stock' }) },
      ]);
    });

    /** The next reservation waits at product until the test answers it; `asked` once it is. */
    const heldAtProduct = () => {
      let answer: (reservation: StockReservation) => void = () => {};
      const asked = new Promise<void>((reached) => {
        reserve.answer = () =>
          new Promise((resolve) => {
            answer = resolve;
            reached();
          });
      });
      return { asked, answer: (reservation: StockReservation) => answer(reservation) };
    };

    it('a SKU product said is sold out is refused at the gate: no quote, no order row, no hold', async () => {
      const productId = randomUUID();
      await gate.apply({ productId, revision: 7, skus: [{ id: skuId, available: 0 }] });
      const before = { quotes, orders: await database.orm.em.fork().count(Order, {}) };
      expect(await place()).toEqual({ kind: 'out-of-stock', skuId, requested: 2, available: 0 });
      expect(quotes).toBe(before.quotes);
      expect(await database.orm.em.fork().count(Order, {})).toBe(before.orders);
      expect(settled).toEqual([]);
      expect(gateRefusals).toBe(1);
      // A unit released (a lapsed order) opens the gate with product's next revision.
      await gate.apply({ productId, revision: 8, skus: [{ id: skuId, available: 2 }] });
      reserve.answer = reservedAnswer();
      expect((await place()).kind).toBe('placed');
    });

    it('the order that takes the last unit closes the gate for the next buyer, before any event', async () => {
      const productId = randomUUID();
      reserve.answer = () =>
        Promise.resolve({
          status: 'RESERVED',
          expiresAt: new Date(Date.now() + 900_000).toISOString(),
          soldOut: [{ productId, revision: 3, skus: [{ id: skuId, available: 0 }] }],
        });
      expect((await place()).kind).toBe('placed');
      const quoted = quotes;
      expect(await place()).toEqual({ kind: 'out-of-stock', skuId, requested: 2, available: 0 });
      expect(quotes).toBe(quoted);
      // Product's event of the unit coming back (revision 4) opens it again.
      await gate.apply({ productId, revision: 4, skus: [{ id: skuId, available: 2 }] });
      expect((await place()).kind).toBe('placed');
    });

    it('createOrder again with the same key answers the order it placed, even once its SKU sold out', async () => {
      let reservations = 0;
      reserve.answer = () => {
        reservations += 1;
        return Promise.resolve({
          status: 'RESERVED',
          expiresAt: new Date(Date.now() + 900_000).toISOString(),
          soldOut: [{ productId: randomUUID(), revision: 1, skus: [{ id: skuId, available: 0 }] }],
        });
      };
      const [buyer, key] = [randomUUID(), `checkout-${randomUUID()}`];
      const first = await place(buyer, key);
      if (first.kind !== 'placed') throw new Error(`not placed: ${first.kind}`);
      const again = await place(buyer, key);
      expect(again).toMatchObject({
        kind: 'placed',
        order: { id: first.order.id, status: 'PENDING' },
      });
      expect(reservations).toBe(1);
      // The key is the buyer's own: another buyer with the same one is a new order, refused.
      expect((await place(randomUUID(), key)).kind).toBe('out-of-stock');
    });

    it('only as many buyers as there are units go on to product; the rest hear it at the gate until one is refused', async () => {
      await gateKnows(2);
      const held = heldAtProduct();
      const first = place();
      await held.asked;
      // The first order's two units are the only ones: the next buyer is told at the gate.
      const quoted = quotes;
      expect(await place()).toEqual({ kind: 'out-of-stock', skuId, requested: 2, available: 0 });
      expect(quotes).toBe(quoted);
      // Product refuses the first (its units went elsewhere): its pass goes, the next buyer goes on.
      held.answer({
        status: 'UNRESERVABLE',
        skuId,
        requested: 2,
        reason: 'out-of-stock',
        available: 1,
      });
      expect((await first).kind).toBe('out-of-stock');
      reserve.answer = reservedAnswer([{ id: skuId, available: 3 }]);
      expect((await place()).kind).toBe('placed');
      expect(quotes).toBe(quoted + 1);
    });

    it('places as many admitted orders at once as it may; the next waits its turn, unquoted', async () => {
      await gateKnows(100);
      const held = heldAtProduct();
      const first = place();
      await held.asked;
      const quoted = quotes;
      reserve.answer = reservedAnswer();
      const second = place();
      await waitFor('the second order waiting its turn', () => placements.queueSlots === 9);
      expect(quotes).toBe(quoted);
      held.answer({ status: 'RESERVED', expiresAt: new Date(Date.now() + 900_000).toISOString() });
      expect((await first).kind).toBe('placed');
      expect((await second).kind).toBe('placed');
      expect(quotes).toBe(quoted + 1);
    });

    it('an order is placed even when the gate cannot be told of it (its pass lapses)', async () => {
      // Units enough that the pass this order leaves behind turns no later buyer away.
      await gateKnows(100);
      vi.spyOn(gate, 'learn').mockRejectedValueOnce(new Error('Redis went away'));
      vi.spyOn(gate, 'leave').mockRejectedValueOnce(new Error('Redis went away'));
      reserve.answer = reservedAnswer([{ id: skuId, available: 7 }]);
      const outcome = await place();
      expect(outcome.kind).toBe('placed');
      expect(outcome.kind === 'placed' && outcome.order.status).toBe('PENDING');
      vi.restoreAllMocks();
    });

    it('a gate that cannot be asked lets the order through to product, which decides', async () => {
      await gateKnows(0);
      vi.spyOn(gate, 'admit').mockRejectedValueOnce(new Error('Redis went away'));
      let reserved = 0;
      reserve.answer = () => {
        reserved++;
        return Promise.resolve({
          status: 'UNRESERVABLE',
          skuId,
          requested: 2,
          reason: 'out-of-stock',
          available: 0,
        });
      };
      expect(await place()).toEqual({ kind: 'out-of-stock', skuId, requested: 2, available: 0 });
      expect(reserved).toBe(1);
      reserve.answer = reservedAnswer();
      vi.spyOn(gate, 'admit').mockRejectedValueOnce(new Error('Redis went away'));
      const outcome = await place();
      expect(outcome.kind === 'placed' && outcome.order.status).toBe('PENDING');
      vi.restoreAllMocks();
      // Open again for the tests that follow.
      await gateKnows(100);
    });

    it('PLACING → FAILED when product does not answer, and the error still reaches the caller', async () => {
      reserve.answer = () => Promise.reject(new Error('product unreachable'));
      await expect(place()).rejects.toThrow('product unreachable');
      const orderId = settled[0]!.split(' ')[0]!;
      expect(settled).toEqual([`${orderId} FAILED`]);
      expect((await stored(database.orm, orderId)).failureReason).toBe('SERVICE_UNAVAILABLE');
    });
  });

  describe('paying', () => {
    it('PENDING → PAID records OrderPaid and settles the holds', async () => {
      const { order } = await insertOrder(database.orm, 'PENDING');
      const paymentId = randomUUID();
      const outcome = await lifecycle.markPaid(database.orm.em, order.id, paymentId);
      expect(outcome.kind).toBe('paid');
      expect(await stored(database.orm, order.id)).toMatchObject({
        status: 'PAID',
        paymentId,
        holdsSettled: false,
      });
      expect(settled).toEqual([`${order.id} PAID`]);
      expect(await eventsOf(database.orm, order.id)).toEqual([
        { type: 'OrderPaid', data: expect.objectContaining({ paymentId }) },
      ]);
    });

    it('the same payment again answers paid and records nothing more', async () => {
      const { order } = await insertOrder(database.orm, 'PENDING');
      const paymentId = randomUUID();
      await lifecycle.markPaid(database.orm.em, order.id, paymentId);
      expect((await lifecycle.markPaid(database.orm.em, order.id, paymentId)).kind).toBe('paid');
      expect((await eventsOf(database.orm, order.id)).map((e) => e.type)).toEqual(['OrderPaid']);
    });

    it('the same payment announced twice at once moves the order once', async () => {
      // payment's call to /paid and its PaymentApproved event arrive together.
      const { order } = await insertOrder(database.orm, 'PENDING');
      const paymentId = randomUUID();
      const moves = vi.spyOn(Order.prototype, 'transitionTo');
      try {
        const outcomes = await Promise.all([
          lifecycle.markPaid(database.orm.em, order.id, paymentId),
          lifecycle.markPaid(database.orm.em, order.id, paymentId),
        ]);
        expect(outcomes.map((outcome) => outcome.kind)).toEqual(['paid', 'paid']);
        expect(moves).toHaveBeenCalledTimes(1);
      } finally {
        moves.mockRestore();
      }
      expect(settled).toEqual([`${order.id} PAID`]);
      expect((await eventsOf(database.orm, order.id)).map((e) => e.type)).toEqual(['OrderPaid']);
    });

    it('two payments of one order at once: one pays it, the other is refused', async () => {
      const { order } = await insertOrder(database.orm, 'PENDING');
      const [first, second] = [randomUUID(), randomUUID()];
      const outcomes = await Promise.all([
        lifecycle.markPaid(database.orm.em, order.id, first),
        lifecycle.markPaid(database.orm.em, order.id, second),
      ]);
      const paidBy = (await stored(database.orm, order.id)).paymentId;
      expect([first, second]).toContain(paidBy);
      expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(['not-payable', 'paid']);
      expect((await eventsOf(database.orm, order.id)).map((e) => e.type)).toEqual(['OrderPaid']);
    });

    it('another payment of a paid order is refused, naming the payment that paid it', async () => {
      const { order } = await insertOrder(database.orm, 'PAID');
      expect(await lifecycle.markPaid(database.orm.em, order.id, randomUUID())).toEqual({
        kind: 'not-payable',
        status: 'PAID',
        paidBy: order.paymentId,
      });
    });

    it('an order past its expiry stays PENDING', async () => {
      const { order } = await insertOrder(database.orm, 'PENDING', {
        expiresAt: new Date(Date.now() - 60_000),
      });
      expect(await lifecycle.markPaid(database.orm.em, order.id, randomUUID())).toEqual({
        kind: 'not-payable',
        status: 'PENDING',
        paidBy: null,
      });
      expect(await eventsOf(database.orm, order.id)).toEqual([]);
    });

    it.each(['PLACING', 'FAILED'] as const)('a %s order is not paid', async (status) => {
      const { order } = await insertOrder(database.orm, status);
      expect(await lifecycle.markPaid(database.orm.em, order.id, randomUUID())).toEqual({
        kind: 'not-payable',
        status,
        paidBy: null,
      });
      expect((await stored(database.orm, order.id)).status).toBe(status);
    });

    it('an unknown order is not found', async () => {
      expect(await lifecycle.markPaid(database.orm.em, randomUUID(), randomUUID())).toEqual({
        kind: 'not-found',
      });
    });
  });

  describe('a failed payment', () => {
    it('PENDING → FAILED with the reason, and the holds are given back', async () => {
      const { order } = await insertOrder(database.orm, 'PENDING');
      expect(await lifecycle.markPaymentFailed(database.orm.em, order.id, 'CARD_DECLINED')).toBe(
        'FAILED',
      );
      expect((await stored(database.orm, order.id)).failureReason).toBe('CARD_DECLINED');
      expect(settled).toEqual([`${order.id} FAILED`]);
      expect(await eventsOf(database.orm, order.id)).toEqual([
        { type: 'OrderFailed', data: expect.objectContaining({ reason: 'CARD_DECLINED' }) },
      ]);
    });

    it.each(['PLACING', 'PAID', 'CANCELLED'] as const)(
      'leaves a %s order as it is and answers its status',
      async (status) => {
        const { order } = await insertOrder(database.orm, status);
        expect(await lifecycle.markPaymentFailed(database.orm.em, order.id, 'CARD_DECLINED')).toBe(
          status,
        );
        expect((await stored(database.orm, order.id)).status).toBe(status);
        expect(settled).toEqual([]);
      },
    );

    it('answers nothing for an unknown order', async () => {
      expect(
        await lifecycle.markPaymentFailed(database.orm.em, randomUUID(), 'CARD_DECLINED'),
      ).toBeUndefined();
    });
  });

  describe('cancelling', () => {
    it('PENDING → CANCELLED without a refund', async () => {
      const { order } = await insertOrder(database.orm, 'PENDING');
      const outcome = await lifecycle.cancel(database.orm.em, order.id, 'CUSTOMER');
      expect(outcome.kind).toBe('cancelled');
      expect(await stored(database.orm, order.id)).toMatchObject({
        status: 'CANCELLED',
        cancelReason: 'CUSTOMER',
        refundedAmount: 0,
      });
      expect(asked).toEqual([]);
      expect(settled).toEqual([`${order.id} CANCELLED`]);
      expect(await eventsOf(database.orm, order.id)).toEqual([
        {
          type: 'OrderCancelled',
          data: expect.objectContaining({ reason: 'CUSTOMER', wasPaid: false, refundedAmount: 0 }),
        },
      ]);
    });

    it('PAID → CANCELLING → CANCELLED after every line is refunded in full', async () => {
      const { order, line } = await insertOrder(database.orm, 'PAID');
      expect((await lifecycle.cancel(database.orm.em, order.id, 'ADMIN')).kind).toBe('cancelled');
      expect(asked).toEqual([
        {
          orderId: order.id,
          reason: 'order cancelled by admin',
          lines: [{ lineId: line.id, brandId: line.brandId, amount: 20_000 }],
        },
      ]);
      expect(await stored(database.orm, order.id)).toMatchObject({
        status: 'CANCELLED',
        cancelReason: 'ADMIN',
        refundedAmount: orderTotal,
      });
      expect(await eventsOf(database.orm, order.id)).toEqual([
        {
          type: 'OrderCancelled',
          data: expect.objectContaining({
            reason: 'ADMIN',
            wasPaid: true,
            refundedAmount: orderTotal,
          }),
        },
      ]);
    });

    it('a cancellation whose refund event closed the order first still answers with everything given back', async () => {
      const { order } = await insertOrder(database.orm, 'PAID');
      // The refund's PaymentCancelled reaches order before the refund's answer does: its consumer
      // closes the order, and is still giving back what it held when the cancellation answers.
      state.meanwhile = (orderId) =>
        Order.transitionWhereverAllowed(
          database.orm.em.fork(),
          orderId,
          'CANCELLED',
          'PaymentCancelled',
          { cancelReason: 'CUSTOMER', refundedAmount: orderTotal, holdsSettled: false },
        ).then(() => undefined);
      const outcome = await lifecycle.cancel(database.orm.em, order.id, 'CUSTOMER');
      expect(outcome).toMatchObject({ kind: 'cancelled', order: { status: 'CANCELLED' } });
      expect(settled).toEqual([`${order.id} CANCELLED`]);
    });

    // MySQL only: the interleaving is made with a row lock, which SQLite's single writer has not.
    if (kind === 'mysql')
      it('an unpaid cancellation that loses to the expiry sweeper gives the holds back before it answers', async () => {
        const { order } = await insertOrder(database.orm, 'PENDING');
        // The sweeper has expired the order in a transaction it has not committed yet.
        let commitSweeper!: () => void;
        let sweeperWrote!: () => void;
        const written = new Promise<void>((resolve) => (sweeperWrote = resolve));
        const sweeper = database.orm.em.fork().transactional(async (tx) => {
          await Order.transitionWhereverAllowed(tx, order.id, 'CANCELLED', 'expired', {
            cancelReason: 'EXPIRED',
            holdsSettled: false,
            closedAt: new Date(),
          });
          sweeperWrote();
          await new Promise<void>((resolve) => (commitSweeper = resolve));
        });
        await written;
        // The customer's cancellation read the order PENDING and waits on the sweeper's row; the
        // sweeper commits, and is still giving the holds back (or died before it could).
        const cancelling = lifecycle.cancel(database.orm.em, order.id, 'CUSTOMER');
        await waitFor('the cancellation to wait on the sweeper', () =>
          updatingAnOrder(database.orm),
        );
        commitSweeper();
        await sweeper;
        expect(await cancelling).toMatchObject({
          kind: 'cancelled',
          order: { status: 'CANCELLED', cancelReason: 'EXPIRED' },
        });
        expect(settled).toEqual([`${order.id} CANCELLED`]);
        expect(await eventsOf(database.orm, order.id)).toEqual([]);
      });

    it('a paid order whose stock came up short is cancelled OUT_OF_STOCK and refunded', async () => {
      const { order } = await insertOrder(database.orm, 'PAID');
      expect((await lifecycle.cancel(database.orm.em, order.id, 'OUT_OF_STOCK')).kind).toBe(
        'cancelled',
      );
      expect(asked.map((request) => request.reason)).toEqual([
        'order cancelled: its stock was sold meanwhile',
      ]);
      expect((await stored(database.orm, order.id)).cancelReason).toBe('OUT_OF_STOCK');
    });

    it('a refund that fails leaves the order claimed, CANCELLING, until a refund goes through', async () => {
      const { order } = await insertOrder(database.orm, 'PAID');
      state.fails = true;
      expect(await lifecycle.cancel(database.orm.em, order.id, 'CUSTOMER')).toEqual({
        kind: 'cancelled',
        order: expect.objectContaining({ status: 'CANCELLING', cancelReason: 'CUSTOMER' }),
      });
      expect((await stored(database.orm, order.id)).status).toBe('CANCELLING');
      expect(await eventsOf(database.orm, order.id)).toEqual([]);
      // Asked again while the refund still fails, it stays claimed: only a refund closes it.
      await lifecycle.cancel(database.orm.em, order.id, 'CUSTOMER');
      expect((await stored(database.orm, order.id)).status).toBe('CANCELLING');
      // Asked once the refund goes through, it closes, refunded once.
      state.fails = false;
      expect(await lifecycle.cancel(database.orm.em, order.id, 'CUSTOMER')).toEqual({
        kind: 'cancelled',
        order: expect.objectContaining({ status: 'CANCELLED', refundedAmount: orderTotal }),
      });
      expect(asked.map((request) => request.orderId)).toEqual([order.id, order.id, order.id]);
      expect((await eventsOf(database.orm, order.id)).map((event) => event.type)).toEqual([
        'OrderCancelled',
      ]);
    });

    it.each(['PLACING', 'PREPARING', 'SHIPPED', 'DELIVERED', 'COMPLETED', 'FAILED'] as const)(
      'a %s order is not cancellable and nothing is refunded',
      async (status) => {
        const { order } = await insertOrder(database.orm, status);
        expect(await lifecycle.cancel(database.orm.em, order.id, 'CUSTOMER')).toEqual({
          kind: 'not-cancellable',
          status,
        });
        expect(asked).toEqual([]);
        expect((await stored(database.orm, order.id)).status).toBe(status);
      },
    );

    it('a cancelled order answers cancelled again, without a second refund', async () => {
      const { order } = await insertOrder(database.orm, 'PAID');
      await lifecycle.cancel(database.orm.em, order.id, 'CUSTOMER');
      expect((await lifecycle.cancel(database.orm.em, order.id, 'CUSTOMER')).kind).toBe(
        'cancelled',
      );
      expect(asked).toHaveLength(1);
    });

    it('an unknown order is not found', async () => {
      expect(await lifecycle.cancel(database.orm.em, randomUUID(), 'CUSTOMER')).toEqual({
        kind: 'not-found',
      });
    });
  });

  describe('a payment refunded in full after all (PaymentCancelled)', () => {
    it.each(['PAID', 'CANCELLING'] as const)(
      '%s → CANCELLED, the whole charge counted as refunded',
      async (status) => {
        const { order } = await insertOrder(database.orm, status);
        await lifecycle.closeRefunded(database.orm.em, order.id, 'CUSTOMER');
        expect(await stored(database.orm, order.id)).toMatchObject({
          status: 'CANCELLED',
          cancelReason: 'CUSTOMER',
          refundedAmount: orderTotal,
        });
        expect(asked).toEqual([]);
      },
    );

    it.each(['PENDING', 'PREPARING', 'SHIPPED'] as const)(
      'leaves a %s order as it is',
      async (status) => {
        const { order } = await insertOrder(database.orm, status);
        await lifecycle.closeRefunded(database.orm.em, order.id, 'CUSTOMER');
        expect((await stored(database.orm, order.id)).status).toBe(status);
        expect(await eventsOf(database.orm, order.id)).toEqual([]);
      },
    );
  });
});

describeOnEachDatabase('order sweeper on $name', (kind) => {
  // Each test sweeps a database of its own: the sweeper looks at every order there.
  let database: OrderDatabase;
  const { holds } = settlingHolds();
  const { payment } = refundingPayment();
  const lifecycle = new OrderLifecycle({ outbox, events, holds, payment, logger });
  const now = new Date('2026-12-10T12:00:00Z');
  const minutesBefore = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

  beforeEach(async () => {
    database = await openOrderDatabase(kind, 'order_sweeper');
  });
  afterEach(async () => {
    await database.close();
  });

  it('cancels unpaid orders past their expiry, EXPIRED, and nothing else', async () => {
    const due = await insertOrder(database.orm, 'PENDING', { expiresAt: minutesBefore(1) });
    const early = await insertOrder(database.orm, 'PENDING', { expiresAt: minutesBefore(-1) });
    const paid = await insertOrder(database.orm, 'PAID', { expiresAt: minutesBefore(1) });
    expect(await lifecycle.expireDue(database.orm.em, now)).toBe(1);
    expect(await stored(database.orm, due.order.id)).toMatchObject({
      status: 'CANCELLED',
      cancelReason: 'EXPIRED',
    });
    expect((await stored(database.orm, early.order.id)).status).toBe('PENDING');
    expect((await stored(database.orm, paid.order.id)).status).toBe('PAID');
  });

  it('settles the holds of a paid order whatever it went on to, once the payment is past the guard', async () => {
    const unsettled = async (status: OrderStatus, paidMinutesAgo: number) => {
      const { order } = await insertOrder(database.orm, status);
      await database.orm.em
        .fork()
        .nativeUpdate(
          Order,
          { id: order.id },
          { holdsSettled: false, paidAt: minutesBefore(paidMinutesAgo) },
        );
      return order.id;
    };
    const swept = await Promise.all(
      (['PAID', 'SHIPPED', 'DELIVERED', 'COMPLETED'] as const).map((status) =>
        unsettled(status, 1),
      ),
    );
    const justPaid = await unsettled('SHIPPED', 0);
    const { holds: noting, settled } = settlingHolds();
    const sweeper = new OrderLifecycle({ outbox, events, holds: noting, payment, logger });
    expect(await sweeper.settleOutstanding(database.orm.em, now)).toBe(4);
    expect(settled.map((entry) => entry.split(' ')[0]).sort()).toEqual([...swept].sort());
    expect(settled.some((entry) => entry.startsWith(justPaid))).toBe(false);
  });

  it('finishes cancellations claimed over 10 s ago (refunded once, closed), and nothing younger', async () => {
    const claimed = async (secondsAgo: number) => {
      const { order } = await insertOrder(database.orm, 'CANCELLING');
      await database.orm.em
        .fork()
        .nativeUpdate(
          Order,
          { id: order.id },
          { cancelReason: 'CUSTOMER', updatedAt: new Date(now.getTime() - secondsAgo * 1000) },
        );
      return order.id;
    };
    const interrupted = await claimed(11);
    const young = await claimed(1);
    const refunds = refundingPayment();
    const sweeper = new OrderLifecycle({ outbox, events, holds, payment: refunds.payment, logger });
    refunds.state.fails = true;
    expect(await sweeper.finishInterruptedCancellations(database.orm.em, now)).toBe(0);
    expect((await stored(database.orm, interrupted)).status).toBe('CANCELLING');
    refunds.state.fails = false;
    expect(await sweeper.finishInterruptedCancellations(database.orm.em, now)).toBe(1);
    expect(refunds.asked.map((request) => request.orderId)).toEqual([interrupted, interrupted]);
    expect(await stored(database.orm, interrupted)).toMatchObject({
      status: 'CANCELLED',
      cancelReason: 'CUSTOMER',
      refundedAmount: orderTotal,
    });
    expect(await eventsOf(database.orm, interrupted)).toEqual([
      {
        type: 'OrderCancelled',
        data: expect.objectContaining({ reason: 'CUSTOMER', wasPaid: true }),
      },
    ]);
    expect((await stored(database.orm, young)).status).toBe('CANCELLING');
    expect(await sweeper.finishInterruptedCancellations(database.orm.em, now)).toBe(0);
  });

  it('fails placements interrupted longer ago than the timeout, and nothing else', async () => {
    const stuck = await insertOrder(database.orm, 'PLACING', { createdAt: minutesBefore(2) });
    const young = await insertOrder(database.orm, 'PLACING', { createdAt: minutesBefore(0) });
    const placed = await insertOrder(database.orm, 'PENDING', { createdAt: minutesBefore(2) });
    expect(await lifecycle.failInterruptedPlacements(database.orm.em, 60_000, now)).toBe(1);
    expect(await stored(database.orm, stuck.order.id)).toMatchObject({
      status: 'FAILED',
      failureReason: 'PLACEMENT_INTERRUPTED',
    });
    expect((await stored(database.orm, young.order.id)).status).toBe('PLACING');
    expect((await stored(database.orm, placed.order.id)).status).toBe('PENDING');
    expect(await eventsOf(database.orm, stuck.order.id)).toEqual([
      { type: 'OrderFailed', data: expect.objectContaining({ reason: 'PLACEMENT_INTERRUPTED' }) },
    ]);
  });
});
