import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { orderStatuses, type OrderStatus } from '@shop/contracts';
import type { EntityManager } from '@shop/kit/db';
import { Order } from '../src/domain/order.entity.js';
import {
  canTransition,
  initialOrderStatus,
  OrderTransitionRefused,
  sourcesOf,
  type OrderCause,
} from '../src/domain/order-transitions.js';

const causes = Object.keys({
  createOrder: true,
  placementTimedOut: true,
  PaymentApproved: true,
  paymentFailed: true,
  cancelOrder: true,
  cancellationRefunded: true,
  shipmentClaimed: true,
  expired: true,
  stockShort: true,
  PaymentCancelled: true,
  ShipmentShipped: true,
  ShipmentDelivered: true,
  ReturnRefunded: true,
  confirmPurchase: true,
} satisfies Record<OrderCause, true>) as OrderCause[];

type Move = `${OrderStatus} → ${OrderStatus}`;

/** The order process, written out apart from the table it checks. */
const expected: Partial<Record<Move, OrderCause[]>> = {
  'PLACING → PENDING': ['createOrder'],
  'PLACING → FAILED': ['createOrder', 'placementTimedOut'],
  'PENDING → PAID': ['PaymentApproved'],
  'PENDING → FAILED': ['paymentFailed'],
  'PENDING → CANCELLED': ['cancelOrder', 'expired'],
  'PAID → PREPARING': ['shipmentClaimed'],
  'PAID → CANCELLING': ['cancelOrder', 'stockShort'],
  'PAID → CANCELLED': ['PaymentCancelled'],
  'PREPARING → SHIPPED': ['ShipmentShipped'],
  'PREPARING → DELIVERED': ['ShipmentDelivered'],
  'CANCELLING → CANCELLED': ['cancellationRefunded', 'PaymentCancelled'],
  'SHIPPED → DELIVERED': ['ShipmentDelivered'],
  'DELIVERED → COMPLETED': ['confirmPurchase'],
  'DELIVERED → PARTIALLY_RETURNED': ['ReturnRefunded'],
  'DELIVERED → RETURNED': ['ReturnRefunded'],
  'PARTIALLY_RETURNED → COMPLETED': ['confirmPurchase'],
  'PARTIALLY_RETURNED → RETURNED': ['ReturnRefunded'],
  'COMPLETED → RETURNED': ['ReturnRefunded'],
};

/** Every ordered pair of statuses (a status to itself included), with what may move it. */
const pairs = orderStatuses.flatMap((from) =>
  orderStatuses.map((to) => ({ from, to, allowedBy: expected[`${from} → ${to}`] ?? [] })),
);

const orderIn = (status: OrderStatus) => Object.assign(new Order(), { id: randomUUID(), status });

/**
 * A transaction that answers every UPDATE with `changed` rows and keeps what it was asked, and
 * the history rows inserted with it.
 */
function recordingTx(changed: number) {
  const writes: { where: unknown; data: unknown }[] = [];
  const history: unknown[] = [];
  const tx = {
    isInTransaction: () => true,
    nativeUpdate: (_entity: unknown, where: unknown, data: unknown) => {
      writes.push({ where, data });
      return Promise.resolve(changed);
    },
    insert: (_entity: unknown, row: unknown) => {
      history.push(row);
      return Promise.resolve();
    },
  } as unknown as EntityManager;
  return { tx, writes, history };
}

describe('the order transitions table', () => {
  it('declares 12 statuses, 14 causes and the 18 moves of the order process', () => {
    expect(orderStatuses).toHaveLength(12);
    expect(causes).toHaveLength(14);
    expect(pairs).toHaveLength(144);
    expect(pairs.filter((pair) => pair.allowedBy.length > 0)).toHaveLength(18);
  });

  it.each(pairs)('$from → $to is moved by exactly $allowedBy', ({ from, to, allowedBy }) => {
    expect(causes.filter((cause) => canTransition(from, to, cause))).toEqual(allowedBy);
  });

  it('starts every order PLACING and reaches every other status from there', () => {
    const reached = new Set<OrderStatus>([initialOrderStatus]);
    for (let grew = true; grew;) {
      grew = false;
      for (const { from, to, allowedBy } of pairs)
        if (reached.has(from) && allowedBy.length > 0 && !reached.has(to)) {
          reached.add(to);
          grew = true;
        }
    }
    expect(initialOrderStatus).toBe('PLACING');
    expect(orderStatuses.filter((status) => !reached.has(status))).toEqual([]);
  });

  it('lets nothing out of FAILED, CANCELLED or RETURNED', () => {
    for (const status of ['FAILED', 'CANCELLED', 'RETURNED'] as const)
      for (const to of orderStatuses)
        for (const cause of causes) expect(canTransition(status, to, cause)).toBe(false);
  });

  it('never lets a paid order be both claimed for shipping and cancelled', () => {
    const shippedFrom = new Set(sourcesOf('PREPARING', 'shipmentClaimed'));
    const cancelledFrom = new Set([
      ...sourcesOf('CANCELLING', 'cancelOrder'),
      ...sourcesOf('CANCELLING', 'stockShort'),
    ]);
    expect([...shippedFrom]).toEqual(['PAID']);
    expect([...cancelledFrom]).toEqual(['PAID']);
    // Neither claim leads back to PAID, so the loser of the race always finds the order moved on.
    for (const claimed of ['PREPARING', 'CANCELLING'] as const)
      for (const cause of causes) expect(canTransition(claimed, 'PAID', cause)).toBe(false);
    for (const cause of causes) {
      expect(canTransition('PREPARING', 'CANCELLING', cause)).toBe(false);
      expect(canTransition('PREPARING', 'CANCELLED', cause)).toBe(false);
      expect(canTransition('CANCELLING', 'PREPARING', cause)).toBe(false);
      expect(canTransition('CANCELLING', 'SHIPPED', cause)).toBe(false);
    }
  });

  it('names the statuses each cause moves an order from', () => {
    expect(sourcesOf('PENDING', 'createOrder')).toEqual(['PLACING']);
    expect(sourcesOf('FAILED', 'placementTimedOut')).toEqual(['PLACING']);
    expect(sourcesOf('FAILED', 'paymentFailed')).toEqual(['PENDING']);
    expect(sourcesOf('CANCELLED', 'expired')).toEqual(['PENDING']);
    expect(sourcesOf('CANCELLED', 'cancelOrder')).toEqual(['PENDING']);
    expect(sourcesOf('CANCELLED', 'cancellationRefunded')).toEqual(['CANCELLING']);
    expect(sourcesOf('CANCELLING', 'cancelOrder')).toEqual(['PAID']);
    expect(sourcesOf('CANCELLED', 'PaymentCancelled')).toEqual(['PAID', 'CANCELLING']);
    expect(sourcesOf('PREPARING', 'shipmentClaimed')).toEqual(['PAID']);
    expect(sourcesOf('SHIPPED', 'ShipmentShipped')).toEqual(['PREPARING']);
    expect(sourcesOf('DELIVERED', 'ShipmentDelivered')).toEqual(['PREPARING', 'SHIPPED']);
    expect(sourcesOf('COMPLETED', 'confirmPurchase')).toEqual(['DELIVERED', 'PARTIALLY_RETURNED']);
    expect(sourcesOf('PARTIALLY_RETURNED', 'ReturnRefunded')).toEqual(['DELIVERED']);
    expect(sourcesOf('RETURNED', 'ReturnRefunded')).toEqual([
      'DELIVERED',
      'PARTIALLY_RETURNED',
      'COMPLETED',
    ]);
  });
});

describe('Order.transitionTo guards every pair of statuses', () => {
  it.each(pairs)('$from → $to', async ({ from, to, allowedBy }) => {
    for (const cause of causes) {
      const order = orderIn(from);
      const { tx, writes } = recordingTx(1);
      if (allowedBy.includes(cause)) {
        await expect(order.transitionTo(tx, to, cause)).resolves.toBe(true);
        expect(order.status).toBe(to);
        expect(writes).toEqual([{ where: { id: order.id, status: from }, data: { status: to } }]);
      } else {
        const refusal: unknown = await order.transitionTo(tx, to, cause).catch((e: unknown) => e);
        expect(refusal).toBeInstanceOf(OrderTransitionRefused);
        expect(refusal).toMatchObject({ code: 'ORDER_TRANSITION_REFUSED', from, to, by: cause });
        expect((refusal as Error).message).toBe(
          `${cause} cannot move an order from ${from} to ${to}`,
        );
        expect(order.status).toBe(from);
        expect(writes).toEqual([]);
      }
    }
  });
});

describe('Order.transitionTo writes', () => {
  it('one UPDATE from the status read, with the changes and extra conditions, and shows them', async () => {
    const order = orderIn('PENDING');
    const { tx, writes, history } = recordingTx(1);
    const paidAt = new Date('2026-12-01T10:00:00Z');
    await expect(
      order.transitionTo(
        tx,
        'PAID',
        'PaymentApproved',
        { paymentId: 'payment-1', paidAt },
        { expiresAt: { $gt: paidAt } },
      ),
    ).resolves.toBe(true);
    expect(writes).toEqual([
      {
        where: { expiresAt: { $gt: paidAt }, id: order.id, status: 'PENDING' },
        data: { paymentId: 'payment-1', paidAt, status: 'PAID' },
      },
    ]);
    expect(order).toMatchObject({ status: 'PAID', paymentId: 'payment-1', paidAt });
    expect(history).toMatchObject([
      { orderId: order.id, status: 'PAID', cause: 'PaymentApproved' },
    ]);
  });

  it('leaves the order as read when the row had moved on (the UPDATE matched nothing)', async () => {
    const order = orderIn('PENDING');
    const { tx, history } = recordingTx(0);
    await expect(
      order.transitionTo(tx, 'CANCELLED', 'expired', { cancelReason: 'EXPIRED' }),
    ).resolves.toBe(false);
    expect(history).toEqual([]);
    expect(order.status).toBe('PENDING');
    expect(order.cancelReason).toBeUndefined();
  });
});

describe('Order.transitionWhereverAllowed', () => {
  it('moves from every status the cause may start from, in one UPDATE', async () => {
    const { tx, writes } = recordingTx(1);
    const deliveredAt = new Date('2026-12-02T09:00:00Z');
    await expect(
      Order.transitionWhereverAllowed(tx, 'order-1', 'DELIVERED', 'ShipmentDelivered', {
        deliveredAt,
      }),
    ).resolves.toBe(true);
    expect(writes).toEqual([
      {
        where: { id: 'order-1', status: { $in: ['PREPARING', 'SHIPPED'] } },
        data: { deliveredAt, status: 'DELIVERED' },
      },
    ]);
  });

  it('answers false when the order was in none of them', async () => {
    const { tx } = recordingTx(0);
    await expect(
      Order.transitionWhereverAllowed(tx, 'order-1', 'SHIPPED', 'ShipmentShipped'),
    ).resolves.toBe(false);
  });
});
