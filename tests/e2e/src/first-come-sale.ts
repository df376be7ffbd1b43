import { expect } from 'vitest';
import { waitFor } from '@shop/testkit';
import type { checkoutFixtures } from './checkout-fixtures.js';
import { cancelOrder, myAccount, skuStock } from './checkout-operations.js';
import type { ShopClient } from './shop-under-test.js';

const units = 5;
const firstWave = 40;
const lateWave = 20;

/**
 * A first-come sale through the router: 40 buyers at once for 5 units, then 20 late ones. Each
 * unit is sold once; once the gate has heard of the SKU from product, only 5 buyers reach product
 * and every other one is answered at the gate, without an order row; a unit one buyer lets go is
 * sold to the next.
 */
export async function firstComeSale(
  shop: ShopClient,
  given: ReturnType<typeof checkoutFixtures>,
): Promise<void> {
  const skuId = await given.skuOnSale(9_900, units);
  const buyers = await Promise.all(
    Array.from({ length: firstWave + lateWave + 2 }, () => given.customer()),
  );
  const buy = (token: string) => given.order(token, { lines: [{ skuId, quantity: 1 }] });
  const kindOf = (answer: Awaited<ReturnType<typeof buy>>) =>
    answer.data!.createOrder.__typename as string;
  const ordersOf = async (token: string) =>
    (await shop.call(myAccount, {}, token)).data!.me.orders.nodes as { status: string }[];

  // The gate knows the SKU once product's ProductChanged has reached order: from then on a buyer
  // asking for more than there is hears it at the gate, with no order row.
  const probe = buyers.at(-1)!;
  await waitFor('the gate to know the SKU', async () => {
    const before = (await ordersOf(probe.token)).length;
    const answer = await given.order(probe.token, { lines: [{ skuId, quantity: units + 1 }] });
    expect(answer.data!.createOrder).toMatchObject({ __typename: 'OutOfStock', available: units });
    return (await ordersOf(probe.token)).length === before;
  });

  // Everyone at once: exactly `units` orders hold a unit, the others are told it is sold out,
  // all of them at the gate.
  const first = await Promise.all(buyers.slice(0, firstWave).map(({ token }) => buy(token)));
  const placed = first.flatMap((answer, index) =>
    kindOf(answer) === 'Order' ? [{ ...buyers[index]!, orderId: answer.data!.createOrder.id }] : [],
  );
  expect(placed).toHaveLength(units);
  expect(first.filter((answer) => kindOf(answer) === 'OutOfStock')).toHaveLength(firstWave - units);
  const firstWaveOrders = await Promise.all(
    buyers.slice(0, firstWave).map(async ({ token }) => (await ordersOf(token)).length),
  );
  expect(firstWaveOrders.reduce((sum, count) => sum + count, 0)).toBe(units);
  const stock = async () => (await shop.call(skuStock, { id: skuId }, shop.adminToken)).data!.sku;
  expect(await stock()).toMatchObject({ onHand: units, reserved: units, available: 0 });

  const late = buyers.slice(firstWave, firstWave + lateWave);
  const lateAnswers = await Promise.all(late.map(({ token }) => buy(token)));
  expect(lateAnswers.map(kindOf)).toEqual(late.map(() => 'OutOfStock'));
  const lateOrders = await Promise.all(late.map(({ token }) => ordersOf(token)));
  expect(lateOrders.flat()).toEqual([]);

  // One buyer changes their mind: the unit goes back, the gate opens, the next buyer gets it.
  const [changedMind] = placed;
  const cancelled = await shop.call(cancelOrder, { id: changedMind!.orderId }, changedMind!.token);
  expect(cancelled.data!.cancelOrder.__typename).toBe('Order');
  const next = buyers.at(-2)!;
  const nextOrder = await waitFor('the released unit to be sold again', async () => {
    const answer = await buy(next.token);
    return kindOf(answer) === 'Order' ? (answer.data!.createOrder as { status: string }) : null;
  });
  expect(nextOrder.status).toBe('PENDING');
  expect(await stock()).toMatchObject({ onHand: units, reserved: units, available: 0 });
}
