import { afterAll, beforeAll, expect, it } from 'vitest';
import type { OrderStatus } from '@shop/contracts';
import { describeOnEachDatabase } from '@shop/testkit/each-database';
import { OrderLine } from '../src/domain/order-line.entity.js';
import { Order } from '../src/domain/order.entity.js';
import { searchOrders, type OrderSearch } from '../src/services/order-search.js';
import { insertOrder, openOrderDatabase, type OrderDatabase } from './order-fixture.js';

describeOnEachDatabase('the admin’s order search on $name', (kind) => {
  let database: OrderDatabase;
  /** Orders written here, by name; each of one line of its own product. */
  const orders: Record<string, Order> = {};

  const place = async (
    name: string,
    status: OrderStatus,
    productName: string,
    createdAt: string,
    userId?: string,
  ) => {
    const { order } = await insertOrder(database.orm, status, { createdAt: new Date(createdAt) });
    const em = database.orm.em.fork();
    await em.nativeUpdate(OrderLine, { orderId: order.id }, { productName });
    if (userId) await em.nativeUpdate(Order, { id: order.id }, { userId });
    orders[name] = await em.findOneOrFail(Order, { id: order.id });
  };

  beforeAll(async () => {
    database = await openOrderDatabase(kind, 'order_search');
    await place('linen', 'PAID', '린넨 셔츠', '2026-12-01T09:00:00Z');
    await place('cotton', 'SHIPPED', '면 바지', '2026-12-02T09:00:00Z', orders.linen?.userId);
    await place('wool', 'DELIVERED', '울 니트 100%', '2026-12-03T09:00:00Z');
    await place('silk', 'CANCELLED', '실크 셔츠', '2026-12-04T09:00:00Z');
  });
  afterAll(async () => {
    await database.close();
  });

  const found = async (search: Omit<OrderSearch, 'first'>, first = 20) => {
    const page = await searchOrders(database.orm.em.fork(), { first, ...search });
    const names = Object.fromEntries(Object.entries(orders).map(([name, o]) => [o.id, name]));
    return page.nodes.map((order) => names[order.id]);
  };

  it('by order number: the whole id or its start, in either case', async () => {
    expect(await found({ orderNumber: orders.wool!.id })).toEqual(['wool']);
    expect(await found({ orderNumber: ` ${orders.wool!.id.slice(0, 8).toUpperCase()} ` })).toEqual([
      'wool',
    ]);
    // Not the characters of an id, wildcards included: nothing, rather than everything.
    expect(await found({ orderNumber: '%' })).toEqual([]);
  });

  it('by customer: the ids the user service found by name or email', async () => {
    expect(await found({ userIds: [orders.linen!.userId] })).toEqual(['cotton', 'linen']);
    expect(await found({ userIds: [orders.linen!.userId, orders.silk!.userId] })).toEqual([
      'silk',
      'cotton',
      'linen',
    ]);
    expect(await found({ userIds: [] })).toEqual([]);
  });

  it('by product name, a wildcard typed matching nothing more', async () => {
    expect(await found({ productName: '셔츠' })).toEqual(['silk', 'linen']);
    expect(await found({ productName: '니트 100%' })).toEqual(['wool']);
    expect(await found({ productName: '모자' })).toEqual([]);
  });

  it('by date range and status, every criterion at once', async () => {
    const range = {
      createdFrom: new Date('2026-12-02T00:00:00Z'),
      createdBefore: new Date('2026-12-04T00:00:00Z'),
    };
    expect(await found(range)).toEqual(['wool', 'cotton']);
    expect(await found({ ...range, statuses: ['SHIPPED', 'PAID'] })).toEqual(['cotton']);
    expect(await found({ productName: '셔츠', statuses: ['PAID'] })).toEqual(['linen']);
  });

  it('pages newest first', async () => {
    const first = await searchOrders(database.orm.em.fork(), { first: 3 });
    expect(first.hasNextPage).toBe(true);
    const rest = await searchOrders(database.orm.em.fork(), { first: 3, after: first.endCursor });
    expect([...first.nodes, ...rest.nodes].map((order) => order.id)).toEqual(
      [orders.silk, orders.wool, orders.cotton, orders.linen].map((order) => order!.id),
    );
    expect(rest.hasNextPage).toBe(false);
  });
});
