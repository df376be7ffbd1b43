import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeInfra, waitFor } from '@shop/testkit';
import { expectBooksNet } from '../src/books.js';
import { checkoutFixtures } from '../src/checkout-fixtures.js';
import { orderDetail } from '../src/checkout-operations.js';
import { reportFigure } from '../src/figures.js';
import {
  expectStockConserved,
  jobItems,
  startChaosShop,
  type ChaosShop,
} from '../src/chaos-shop.js';
import type { ShopProcesses } from '../src/shop-processes.js';

const infra = await probeInfra(['mysql', 'kafka', 'redis', 'opensearch']);

/** Where payment dies: once right after the PG charged, once right after approving. */
const crashPoints = ['payment.confirm.charged@4', 'payment.confirm.approved@7'];

describe.skipIf(!infra.ok)('payment killed while the PG confirms (processes, replicas)', () => {
  let chaos: ChaosShop;
  let shop: ShopProcesses;
  let given: ReturnType<typeof checkoutFixtures>;

  beforeAll(async () => {
    chaos = await startChaosShop(crashPoints, {
      SHOP_PG_TIMEOUT_MS: '1000',
      SHOP_PAYMENT_RECOVER_AFTER_MS: '5000',
      SHOP_PAYMENT_RECOVERY_SWEEP_MS: '500',
    });
    shop = chaos.shop;
    given = checkoutFixtures(shop);
  });
  afterAll(() => shop?.stop());

  it('charges nobody without an order: every PG charge is a PAID order or voided, stock conserved', async () => {
    const stock = 15;
    const skus = [await given.skuOnSale(12_000, stock), await given.skuOnSale(13_000, stock)];
    const buyers: { token: string }[] = [];
    for (let i = 0; i < 12; i++) buyers.push(await given.customer());

    const orders: { id: string; token: string; skuId: string; totalAmount: number }[] = [];
    let next = 0;
    const buyer = async () => {
      while (next < 24) {
        const n = next++;
        const { token } = buyers[n % buyers.length]!;
        const skuId = skus[n % skus.length]!;
        const placed = (await given.order(token, { lines: [{ skuId, quantity: 1 }] })).data
          ?.createOrder;
        if (placed?.__typename !== 'Order') continue;
        orders.push({ id: placed.id, token, skuId, totalAmount: placed.totalAmount });
        const paymentKey = await given.authorize(placed.id, placed.totalAmount);
        // Half the customers whose confirmation a crash caught try again, as people do (and take
        // over the confirmation left behind); the other half never come back.
        const patient = n % 2 === 1;
        for (let attempt = 0; attempt < (patient ? 20 : 1); attempt++) {
          const answer = await given.confirm(token, placed.id, paymentKey, placed.totalAmount);
          const code = answer.data?.confirmPayment?.errorCode;
          if (!answer.errors && code !== 'IN_PROGRESS' && code !== 'ORDER_UNAVAILABLE') break;
          await sleep(1000);
        }
      }
    };
    await Promise.all(Array.from({ length: 6 }, buyer));
    const crashedAt = performance.now();
    for (const point of crashPoints) expect(chaos.fired(point), `${point} fired`).toBe(true);
    expect(orders.length).toBeGreaterThanOrEqual(20);

    // After recovery every order is settled one way: paid, or not charged (voided if it was),
    // and the unpaid ones have expired.
    const settled = await waitFor(
      'every charge to be matched by a PAID order or a void',
      async () => {
        const views = [];
        for (const order of orders) {
          const answer = await shop.call(orderDetail, { id: order.id }, order.token);
          // A service still coming back answers in part: look again.
          if (answer.errors) return undefined;
          const mine = answer.data!.order;
          const pg = await given.pgPayment(order.id);
          const charged = pg?.status === 'DONE';
          if (mine.payment?.status === 'READY') return undefined;
          // Unpaid orders hold their stock until they expire; then every unit is accounted for.
          if (mine.status === 'PENDING') return undefined;
          if (charged !== (mine.status === 'PAID')) return undefined;
          views.push({ order, mine, pg });
        }
        return views;
      },
      { timeoutMs: 90_000, intervalMs: 500 },
    );
    reportFigure(
      `payment crashes: ${orders.length} orders settled ${((performance.now() - crashedAt) / 1000).toFixed(1)} s after the burst`,
    );

    const recovered = await jobItems(shop, 'payment', 'payment-recovery');
    reportFigure(`payment crashes: ${recovered} confirmations or refunds finished by recovery`);

    let paidUnits = 0;
    let charged = 0;
    let voided = 0;
    for (const { order, mine, pg } of settled) {
      if (mine.status === 'PAID') {
        paidUnits++;
        charged += pg!.totalAmount;
        expect(mine.payment).toMatchObject({ status: 'APPROVED', amount: order.totalAmount });
        expect(pg).toMatchObject({ status: 'DONE', totalAmount: order.totalAmount });
      } else if (pg?.status === 'CANCELED') {
        voided++;
        expect(pg.balanceAmount).toBe(0);
        expect(mine.payment).toMatchObject({ status: 'CANCELLED' });
      }
    }
    // Stock: what left the shelf is what was paid for, and every movement is accounted for.
    const onHand = await expectStockConserved(shop, skus, 2 * stock, paidUnits);
    reportFigure(
      `payment crashes: ${paidUnits} paid (₩${charged}), ${voided} charges voided, ${settled.length - paidUnits - voided} never charged; on hand ${onHand} = ${2 * stock} − ${paidUnits}`,
    );

    // The books net to the PG order by order, once settlement has heard every event.
    await expectBooksNet(
      shop,
      orders.map((order) => order.id),
    );
  });
});
