import { afterAll, beforeAll, expect, it } from 'vitest';
import { Order } from '../src/domain/order.entity.js';
import { OrderTransitionRefused } from '../src/domain/order-transitions.js';
import { insertOrder, openOrderDatabase, stored, type OrderDatabase } from './order-fixture.js';
import { describeOnEachDatabase } from '@shop/testkit/each-database';

describeOnEachDatabase('the Order aggregate writing its moves on $name', (kind) => {
  let database: OrderDatabase;

  beforeAll(async () => {
    database = await openOrderDatabase(kind, 'order_aggregate');
  });
  afterAll(async () => {
    await database.close();
  });

  const read = (orderId: string) => database.orm.em.fork().findOneOrFail(Order, { id: orderId });

  it('of two moves decided on the same read, the first wins and the second changes nothing', async () => {
    const { order } = await insertOrder(database.orm, 'PENDING');
    const paying = await read(order.id);
    const expiring = await read(order.id);
    const paidAt = new Date('2026-12-01T10:00:00Z');
    expect(
      await paying.transitionTo(database.orm.em.fork(), 'PAID', 'PaymentApproved', { paidAt }),
    ).toBe(true);
    expect(
      await expiring.transitionTo(database.orm.em.fork(), 'CANCELLED', 'expired', {
        cancelReason: 'EXPIRED',
      }),
    ).toBe(false);
    expect(expiring.status).toBe('PENDING');
    expect(await stored(database.orm, order.id)).toMatchObject({
      status: 'PAID',
      paidAt,
      cancelReason: null,
    });
  });

  it('moves nothing when a further condition no longer holds', async () => {
    const { order } = await insertOrder(database.orm, 'PENDING', {
      expiresAt: new Date('2026-12-01T10:00:00Z'),
    });
    const paidAt = new Date('2026-12-01T10:00:01Z');
    expect(
      await order.transitionTo(
        database.orm.em.fork(),
        'PAID',
        'PaymentApproved',
        { paidAt },
        { expiresAt: { $gt: paidAt } },
      ),
    ).toBe(false);
    expect((await stored(database.orm, order.id)).status).toBe('PENDING');
  });

  it('refuses a move the process does not allow and writes nothing', async () => {
    const { order } = await insertOrder(database.orm, 'SHIPPED');
    await expect(
      order.transitionTo(database.orm.em.fork(), 'CANCELLED', 'cancelOrder'),
    ).rejects.toSatisfy(
      (error) =>
        error instanceof OrderTransitionRefused &&
        error.code === 'ORDER_TRANSITION_REFUSED' &&
        error.from === 'SHIPPED' &&
        error.to === 'CANCELLED' &&
        error.by === 'cancelOrder',
    );
    expect((await stored(database.orm, order.id)).status).toBe('SHIPPED');
  });

  it('moves from wherever the cause is allowed, and stays put anywhere else', async () => {
    const shipped = await insertOrder(database.orm, 'SHIPPED');
    const completed = await insertOrder(database.orm, 'COMPLETED');
    for (const { order } of [shipped, completed])
      await Order.transitionWhereverAllowed(
        database.orm.em.fork(),
        order.id,
        'DELIVERED',
        'ShipmentDelivered',
      );
    expect((await stored(database.orm, shipped.order.id)).status).toBe('DELIVERED');
    expect((await stored(database.orm, completed.order.id)).status).toBe('COMPLETED');
  });
});
