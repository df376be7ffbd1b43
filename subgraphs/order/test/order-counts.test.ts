import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnEachDatabase } from '@shop/testkit/each-database';
import { countOrdersByStatus } from '../src/services/order-counts.js';
import { insertOrder, openOrderDatabase, type OrderDatabase } from './order-fixture.js';

describeOnEachDatabase('the admin’s order counts on $name', (kind) => {
  let database: OrderDatabase;

  beforeAll(async () => {
    database = await openOrderDatabase(kind, 'order_counts');
    for (const status of ['PAID', 'PAID', 'PREPARING', 'SHIPPED', 'CANCELLED'] as const)
      await insertOrder(database.orm, status);
  });
  afterAll(async () => {
    await database.close();
  });

  it('counts each status asked, in the order asked, a status without orders as 0', async () => {
    expect(
      await countOrdersByStatus(database.orm.em.fork(), ['PAID', 'PREPARING', 'DELIVERED']),
    ).toEqual([
      { status: 'PAID', count: 2 },
      { status: 'PREPARING', count: 1 },
      { status: 'DELIVERED', count: 0 },
    ]);
  });

  it('asks once per status however often it is named, and nothing for no statuses', async () => {
    expect(await countOrdersByStatus(database.orm.em.fork(), ['SHIPPED', 'SHIPPED'])).toEqual([
      { status: 'SHIPPED', count: 1 },
    ]);
    expect(await countOrdersByStatus(database.orm.em.fork(), [])).toEqual([]);
  });
});
