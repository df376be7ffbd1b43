import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeInfra, waitFor } from '@shop/testkit';
import { checkoutFixtures } from '../src/checkout-fixtures.js';
import { cancelOrder, myAccount, skuStock } from '../src/checkout-operations.js';
import { startShop, type ShopUnderTest } from '../src/shop-under-test.js';

const infra = await probeInfra(['mysql', 'kafka', 'redis', 'opensearch']);
const runs = [
  { name: 'embedded', env: {}, skip: false },
  { name: 'real services', env: { SHOP_INFRA: 'real' }, skip: !infra.ok },
];

const units = 5;
const firstWave = 40;
const lateWave = 20;

describe.each(runs)('a first-come sale ($name)', ({ env, skip }) => {
  if (skip) {
    it.skip(`needs the real services: ${infra.reason}`, () => {});
    return;
  }
  let shop: ShopUnderTest;
  let given: ReturnType<typeof checkoutFixtures>;

  beforeAll(async () => {
    shop = await startShop({
      ...env,
      // Many buyers at once on two cores: the test is about who gets a unit, not about latency.
      SHOP_SUBGRAPH_TIMEOUT_MS: '60000',
      SHOP_INTERNAL_TIMEOUT_MS: '30000',
    });
    given = checkoutFixtures(shop);
  }, 180_000);

  afterAll(async () => {
    await shop?.stop();
  });

  it('sells each unit once; once they are gone the gate answers without an order row; a unit let go is sold again', async () => {
    const skuId = await given.skuOnSale(9_900, units);
    const buyers = await Promise.all(
      Array.from({ length: firstWave + lateWave + 2 }, () => given.customer()),
    );
    const buy = (token: string) => given.order(token, { lines: [{ skuId, quantity: 1 }] });
    const kindOf = (answer: Awaited<ReturnType<typeof buy>>) =>
      answer.data!.createOrder.__typename as string;
    const ordersOf = async (token: string) =>
      (await shop.call(myAccount, {}, token)).data!.me.orders.nodes as { status: string }[];

    // Everyone at once: exactly `units` orders hold a unit, the others are told it is sold out.
    const first = await Promise.all(buyers.slice(0, firstWave).map(({ token }) => buy(token)));
    const placed = first.flatMap((answer, index) =>
      kindOf(answer) === 'Order'
        ? [{ ...buyers[index]!, orderId: answer.data!.createOrder.id }]
        : [],
    );
    expect(placed).toHaveLength(units);
    expect(first.filter((answer) => kindOf(answer) === 'OutOfStock')).toHaveLength(
      firstWave - units,
    );
    const stock = async () => (await shop.call(skuStock, { id: skuId }, shop.adminToken)).data!.sku;
    expect(await stock()).toMatchObject({ onHand: units, reserved: units, available: 0 });

    // Once product's event has reached order, a buyer is answered at the gate: no order row.
    const probe = buyers.at(-1)!;
    await waitFor('the gate to know the SKU is sold out', async () => {
      const before = (await ordersOf(probe.token)).length;
      expect(kindOf(await buy(probe.token))).toBe('OutOfStock');
      return (await ordersOf(probe.token)).length === before;
    });
    const late = buyers.slice(firstWave, firstWave + lateWave);
    const lateAnswers = await Promise.all(late.map(({ token }) => buy(token)));
    expect(lateAnswers.map(kindOf)).toEqual(late.map(() => 'OutOfStock'));
    const lateOrders = await Promise.all(late.map(({ token }) => ordersOf(token)));
    expect(lateOrders.flat()).toEqual([]);

    // One buyer changes their mind: the unit goes back, the gate opens, the next buyer gets it.
    const [changedMind] = placed;
    const cancelled = await shop.call(
      cancelOrder,
      { id: changedMind!.orderId },
      changedMind!.token,
    );
    expect(cancelled.data!.cancelOrder.__typename).toBe('Order');
    const next = buyers.at(-2)!;
    const nextOrder = await waitFor('the released unit to be sold again', async () => {
      const answer = await buy(next.token);
      return kindOf(answer) === 'Order' ? (answer.data!.createOrder as { status: string }) : null;
    });
    expect(nextOrder.status).toBe('PENDING');
    expect(await stock()).toMatchObject({ onHand: units, reserved: units, available: 0 });
  }, 240_000);
});
