import { afterAll, beforeAll, expect, it } from 'vitest';
import { Outbox } from '@shop/kit/events';
import { describeOnEachDatabase } from '@shop/testkit/each-database';
import { historyAsOf, OrderStatusChange } from '../src/domain/order-status-change.entity.js';
import { Order } from '../src/domain/order.entity.js';
import { OrderEvents } from '../src/services/order-events.js';
import { OrderFulfilment } from '../src/services/order-fulfilment.js';
import { insertOrder, openOrderDatabase, stored, type OrderDatabase } from './order-fixture.js';

const outbox = new Outbox('order');
const fulfilment = new OrderFulfilment({ outbox, events: new OrderEvents(outbox) });

describeOnEachDatabase('the order history on $name', (kind) => {
  let database: OrderDatabase;

  beforeAll(async () => {
    database = await openOrderDatabase(kind, 'order_history');
  });
  afterAll(async () => {
    await database.close();
  });

  const changesOf = (orderId: string) =>
    database.orm.em.fork().find(OrderStatusChange, { orderId }, { orderBy: { id: 'asc' } });
  const shown = (changes: OrderStatusChange[]) =>
    changes.map(({ status, cause }) => ({ status, cause }));
  const historyOf = async (orderId: string) => shown(await changesOf(orderId));

  it('writes a row per status change, and none for a repeated or refused one', async () => {
    const { order } = await insertOrder(database.orm, 'PAID');
    await fulfilment.prepare(database.orm.em, order.id);
    await fulfilment.prepare(database.orm.em, order.id);
    await fulfilment.shipped(database.orm.em, order.id);
    await fulfilment.delivered(database.orm.em, order.id, new Date());
    await fulfilment.shipped(database.orm.em, order.id);
    expect(await historyOf(order.id)).toEqual([
      { status: 'PREPARING', cause: 'shipmentClaimed' },
      { status: 'SHIPPED', cause: 'ShipmentShipped' },
      { status: 'DELIVERED', cause: 'ShipmentDelivered' },
    ]);
  });

  it('a change rolled back takes its row with it: both are one transaction', async () => {
    const { order } = await insertOrder(database.orm, 'PAID');
    await expect(
      database.orm.em.fork().transactional(async (tx) => {
        const current = await tx.findOneOrFail(Order, { id: order.id });
        expect(await current.transitionTo(tx, 'CANCELLING', 'cancelOrder')).toBe(true);
        throw new Error('the refund failed');
      }),
    ).rejects.toThrow('the refund failed');
    expect((await stored(database.orm, order.id)).status).toBe('PAID');
    expect(await historyOf(order.id)).toEqual([]);
  });

  it('ends at the status the order was read with, though a change committed after that read', async () => {
    const { order } = await insertOrder(database.orm, 'PAID');
    await fulfilment.prepare(database.orm.em, order.id);
    const { status } = await stored(database.orm, order.id);
    await fulfilment.shipped(database.orm.em, order.id);
    const changes = await changesOf(order.id);
    expect(status).toBe('PREPARING');
    expect(shown(historyAsOf(changes, status))).toEqual([
      { status: 'PREPARING', cause: 'shipmentClaimed' },
    ]);
    expect(shown(historyAsOf(changes, 'SHIPPED'))).toEqual(shown(changes));
    // An order older than its history has no change to its status: every row is kept.
    expect(shown(historyAsOf(changes, 'PAID'))).toEqual(shown(changes));
  });
});
