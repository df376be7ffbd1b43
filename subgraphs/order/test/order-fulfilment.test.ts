import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Outbox } from '@shop/kit/events';
import { OrderEvents } from '../src/services/order-events.js';
import { isConfirmable, OrderFulfilment } from '../src/services/order-fulfilment.js';
import {
  eventsOf,
  insertOrder,
  openOrderDatabase,
  orderTotal,
  stored,
  type OrderDatabase,
} from './order-fixture.js';
import { describeOnEachDatabase } from '@shop/testkit/each-database';

const outbox = new Outbox('order');
const fulfilment = new OrderFulfilment({ outbox, events: new OrderEvents(outbox) });

describe('isConfirmable: what 구매 확정 is offered on', () => {
  it.each([
    { status: 'DELIVERED', openReturns: 0, confirmable: true },
    { status: 'PARTIALLY_RETURNED', openReturns: 0, confirmable: true },
    { status: 'DELIVERED', openReturns: 1, confirmable: false },
    { status: 'PARTIALLY_RETURNED', openReturns: 2, confirmable: false },
    { status: 'SHIPPED', openReturns: 0, confirmable: false },
    { status: 'COMPLETED', openReturns: 0, confirmable: false },
    { status: 'RETURNED', openReturns: 0, confirmable: false },
  ] as const)('$status with $openReturns open returns: $confirmable', (order) => {
    expect(isConfirmable(order)).toBe(order.confirmable);
  });
});

describeOnEachDatabase('order fulfilment on $name', (kind) => {
  let database: OrderDatabase;

  beforeAll(async () => {
    database = await openOrderDatabase(kind, 'order_fulfilment');
  });
  afterAll(async () => {
    await database.close();
  });

  describe("delivery's claim for shipping", () => {
    it('PAID → PREPARING, and a repeated claim answers the same', async () => {
      const { order } = await insertOrder(database.orm, 'PAID');
      expect(await fulfilment.prepare(database.orm.em, order.id)).toEqual({
        kind: 'claimed',
        status: 'PREPARING',
      });
      expect(await fulfilment.prepare(database.orm.em, order.id)).toEqual({
        kind: 'claimed',
        status: 'PREPARING',
      });
      expect((await stored(database.orm, order.id)).status).toBe('PREPARING');
    });

    it.each(['SHIPPED', 'DELIVERED'] as const)(
      'a %s order is already on its way: claimed, unchanged',
      async (status) => {
        const { order } = await insertOrder(database.orm, status);
        expect(await fulfilment.prepare(database.orm.em, order.id)).toEqual({
          kind: 'claimed',
          status,
        });
      },
    );

    it.each(['PENDING', 'CANCELLING', 'CANCELLED'] as const)(
      'a %s order is not shippable, and stays as it is',
      async (status) => {
        const { order } = await insertOrder(database.orm, status);
        expect(await fulfilment.prepare(database.orm.em, order.id)).toEqual({
          kind: 'not-shippable',
          status,
        });
        expect((await stored(database.orm, order.id)).status).toBe(status);
      },
    );

    it('an unknown order is not found', async () => {
      expect(await fulfilment.prepare(database.orm.em, randomUUID())).toEqual({
        kind: 'not-found',
      });
    });
  });

  describe('ShipmentShipped', () => {
    it('PREPARING → SHIPPED', async () => {
      const { order } = await insertOrder(database.orm, 'PREPARING');
      await fulfilment.shipped(database.orm.em, order.id);
      expect((await stored(database.orm, order.id)).status).toBe('SHIPPED');
    });

    it.each(['PENDING', 'PAID', 'CANCELLED', 'DELIVERED'] as const)(
      'leaves a %s order as it is',
      async (status) => {
        const { order } = await insertOrder(database.orm, status);
        await fulfilment.shipped(database.orm.em, order.id);
        expect((await stored(database.orm, order.id)).status).toBe(status);
      },
    );
  });

  describe('ShipmentDelivered', () => {
    const deliveredAt = new Date('2026-12-05T15:30:00Z');

    it.each(['SHIPPED', 'PREPARING'] as const)('%s → DELIVERED, when it was', async (status) => {
      const { order } = await insertOrder(database.orm, status);
      await fulfilment.delivered(database.orm.em, order.id, deliveredAt);
      expect(await stored(database.orm, order.id)).toMatchObject({
        status: 'DELIVERED',
        deliveredAt,
      });
    });

    it.each(['COMPLETED', 'CANCELLED'] as const)(
      'leaves a %s order and its delivery date as they are',
      async (status) => {
        const { order } = await insertOrder(database.orm, status);
        await fulfilment.delivered(database.orm.em, order.id, deliveredAt);
        expect(await stored(database.orm, order.id)).toMatchObject({
          status,
          deliveredAt: order.deliveredAt,
        });
      },
    );
  });

  describe('confirmPurchase', () => {
    it('DELIVERED → COMPLETED records OrderCompleted once, however often confirmed', async () => {
      const { order } = await insertOrder(database.orm, 'DELIVERED');
      expect((await fulfilment.confirm(database.orm.em, order.id)).kind).toBe('completed');
      expect((await fulfilment.confirm(database.orm.em, order.id)).kind).toBe('completed');
      const completed = await stored(database.orm, order.id);
      expect(completed.status).toBe('COMPLETED');
      const recorded = await eventsOf(database.orm, order.id);
      expect(recorded).toEqual([
        {
          type: 'OrderCompleted',
          data: {
            orderId: order.id,
            userId: order.userId,
            paidAmount: orderTotal,
            refundedAmount: 0,
            completedAt: expect.any(String),
          },
        },
      ]);
      // The same moment as stored (MySQL keeps whole seconds).
      const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
      expect(seconds(new Date(recorded[0]!.data.completedAt as string))).toBe(
        seconds(completed.completedAt!),
      );
    });

    it('PARTIALLY_RETURNED → COMPLETED, paying out what was kept', async () => {
      const { order } = await insertOrder(database.orm, 'PARTIALLY_RETURNED', {
        refundedAmount: 10_000,
      });
      expect((await fulfilment.confirm(database.orm.em, order.id)).kind).toBe('completed');
      expect(await eventsOf(database.orm, order.id)).toEqual([
        {
          type: 'OrderCompleted',
          data: expect.objectContaining({
            paidAmount: orderTotal - 10_000,
            refundedAmount: 10_000,
          }),
        },
      ]);
    });

    it('waits while a return is open', async () => {
      const { order } = await insertOrder(database.orm, 'DELIVERED', { openReturns: 1 });
      expect(await fulfilment.confirm(database.orm.em, order.id)).toEqual({
        kind: 'return-open',
        openReturns: 1,
      });
      expect((await stored(database.orm, order.id)).status).toBe('DELIVERED');
    });

    it.each(['PAID', 'SHIPPED', 'RETURNED', 'CANCELLED'] as const)(
      'refuses a %s order as not delivered',
      async (status) => {
        const { order } = await insertOrder(database.orm, status);
        expect(await fulfilment.confirm(database.orm.em, order.id)).toEqual({
          kind: 'not-delivered',
          status,
        });
        expect(await eventsOf(database.orm, order.id)).toEqual([]);
      },
    );

    it('an unknown order is not found', async () => {
      expect(await fulfilment.confirm(database.orm.em, randomUUID())).toEqual({
        kind: 'not-found',
      });
    });
  });
});

describeOnEachDatabase('auto-confirmation on $name', (kind) => {
  // A database of its own: the sweeper looks at every order there.
  let database: OrderDatabase;
  beforeEach(async () => {
    database = await openOrderDatabase(kind, 'order_auto_confirm');
  });
  afterEach(async () => {
    await database.close();
  });

  it('confirms orders delivered longer ago than the delay with no return open, and no other', async () => {
    const now = new Date('2026-12-20T00:00:00Z');
    const week = 7 * 24 * 3_600_000;
    const longAgo = new Date(now.getTime() - week - 1_000);
    const due = await insertOrder(database.orm, 'DELIVERED', { deliveredAt: longAgo });
    const partly = await insertOrder(database.orm, 'PARTIALLY_RETURNED', { deliveredAt: longAgo });
    const recent = await insertOrder(database.orm, 'DELIVERED', { deliveredAt: now });
    const returning = await insertOrder(database.orm, 'DELIVERED', {
      deliveredAt: longAgo,
      openReturns: 1,
    });
    expect(await fulfilment.autoConfirmDue(database.orm.em, week, now)).toBe(2);
    expect((await stored(database.orm, due.order.id)).status).toBe('COMPLETED');
    expect((await stored(database.orm, partly.order.id)).status).toBe('COMPLETED');
    expect((await stored(database.orm, recent.order.id)).status).toBe('DELIVERED');
    expect((await stored(database.orm, returning.order.id)).status).toBe('DELIVERED');
  });
});
