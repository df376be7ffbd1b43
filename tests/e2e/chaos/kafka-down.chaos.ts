import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killKafka, startKafka } from '@shop/infra';
import { probeInfra, waitFor } from '@shop/testkit';
import { expectBooksNet } from '../src/books.js';
import { checkoutFixtures } from '../src/checkout-fixtures.js';
import { cancelOrder, myAccount } from '../src/checkout-operations.js';
import { reportFigure } from '../src/figures.js';
import { expectStockConserved, startChaosShop } from '../src/chaos-shop.js';
import type { ShopProcesses } from '../src/shop-processes.js';

const infra = await probeInfra(['mysql', 'kafka', 'redis', 'opensearch']);

/** The order as the customer sees it, with its shipment (opened by delivery on OrderPaid). */
const orderView = `query Order($id: ID!) {
  order(id: $id) {
    id status totalAmount refundedAmount
    payment { status amount cancelledAmount }
    shipments { status }
  }
}`;

describe.skipIf(!infra.ok)('Kafka killed mid-burst (processes, replicas)', () => {
  let shop: ShopProcesses;
  let given: ReturnType<typeof checkoutFixtures>;

  beforeAll(async () => {
    ({ shop } = await startChaosShop([]));
    given = checkoutFixtures(shop);
  });
  afterAll(async () => {
    // Whatever happened, leave a running broker for the suites after this one.
    try {
      await startKafka();
    } finally {
      await shop?.stop();
    }
  });

  it('loses no event: every PAID order gets its shipment, every refund reaches the books', async () => {
    const stock = 15;
    const skus = [await given.skuOnSale(14_000, stock), await given.skuOnSale(15_000, stock)];
    const buyers: { token: string }[] = [];
    for (let i = 0; i < 12; i++) buyers.push(await given.customer(1_000));

    // Each buyer orders twice, 500 points each time, and pays; the broker dies a few payments in.
    const orders: { id: string; token: string; totalAmount: number; paid: boolean }[] = [];
    let approvals = 0;
    let killed: Promise<void> | undefined;
    let killedAt = 0;
    let next = 0;
    const shopper = async () => {
      while (next < 2 * buyers.length) {
        const n = next++;
        const { token } = buyers[n % buyers.length]!;
        const placed = (
          await given.order(token, {
            lines: [{ skuId: skus[n % skus.length]!, quantity: 1 }],
            pointsToUse: 500,
          })
        ).data?.createOrder;
        expect(placed?.__typename).toBe('Order');
        const order = { id: placed.id, token, totalAmount: placed.totalAmount, paid: false };
        orders.push(order);
        const paymentKey = await given.authorize(placed.id, placed.totalAmount);
        const paid = await given.confirm(token, placed.id, paymentKey, placed.totalAmount);
        order.paid = paid.data?.confirmPayment?.status === 'APPROVED';
        if (order.paid && ++approvals === 5) {
          killedAt = performance.now();
          killed = killKafka();
        }
      }
    };
    await Promise.all(Array.from({ length: 6 }, shopper));
    expect(killed, 'Kafka killed during the burst').toBeDefined();
    await killed;
    expect(orders.length).toBeGreaterThanOrEqual(20);
    expect(orders.every((order) => order.paid)).toBe(true);

    // With the broker still down, a handful of customers cancel their paid orders (refunds are
    // asked of payment directly; their events wait in the outbox).
    const cancelled = orders.filter((_, n) => n % 5 === 2);
    for (const order of cancelled) {
      let status: string | undefined;
      for (let attempt = 0; attempt < 10 && status !== 'CANCELLED'; attempt++) {
        if (attempt > 0) await sleep(1000);
        status = (await shop.call(cancelOrder, { id: order.id }, order.token)).data?.cancelOrder
          ?.status;
      }
      expect(status).toBe('CANCELLED');
    }
    const cancelledIds = new Set(cancelled.map((order) => order.id));

    // What the outage held back: PAID orders without a shipment yet.
    let waiting = 0;
    for (const order of orders) {
      if (cancelledIds.has(order.id)) continue;
      const view = (await shop.call(orderView, { id: order.id }, order.token)).data?.order;
      if (view?.shipments.length === 0) waiting++;
    }
    await startKafka();
    const restartedAt = performance.now();
    reportFigure(
      `kafka down: ${orders.length} orders paid, ${cancelled.length} cancelled; broker down ${((restartedAt - killedAt) / 1000).toFixed(1)} s; ${waiting} PAID orders without a shipment when it came back`,
    );

    // Once the broker is back, every event held in an outbox is delivered: each PAID order has
    // its shipment, each cancelled one is refunded in full and has nothing to ship.
    let open = '';
    const settled = await waitFor(
      'every PAID order to have its shipment and every cancellation its refund',
      async () => {
        const views = [];
        for (const order of orders) {
          const answer = await shop.call(orderView, { id: order.id }, order.token);
          // A service still coming back answers in part: look again.
          if (answer.errors) {
            open = `${order.id}: ${answer.errors[0]?.message}`;
            return undefined;
          }
          const mine = answer.data!.order;
          const pg = await given.pgPayment(order.id);
          open = `${order.id}: ${mine.status}, payment ${JSON.stringify(mine.payment)}, shipments ${JSON.stringify(mine.shipments)}, PG ${pg?.status}`;
          const shipments = (mine.shipments as { status: string }[]).map((s) => s.status);
          if (cancelledIds.has(order.id)) {
            if (mine.status !== 'CANCELLED' || pg?.status !== 'CANCELED') return undefined;
            if (shipments.some((status) => status !== 'CANCELLED')) return undefined;
          } else if (mine.status !== 'PAID' || pg?.status !== 'DONE' || shipments[0] !== 'READY')
            return undefined;
          views.push({ order, mine, pg: pg! });
        }
        return views;
      },
      { timeoutMs: 120_000, intervalMs: 500 },
    ).catch((error: Error) => {
      throw new Error(`${error.message}; still open: ${open}; log: ${shop.logFile}`);
    });
    const shipped = (performance.now() - restartedAt) / 1000;

    // The books net to the PG order by order, once settlement has heard every event.
    await expectBooksNet(
      shop,
      orders.map((order) => order.id),
    );
    reportFigure(
      `kafka down: every PAID order shipped ${shipped.toFixed(1)} s and the day reconciled ${((performance.now() - restartedAt) / 1000).toFixed(1)} s after the broker came back`,
    );

    // Every charge is a PAID order or refunded in full; stock and points follow the orders.
    let kept = 0;
    let refunded = 0;
    let charged = 0;
    for (const { order, mine, pg } of settled) {
      charged += pg.totalAmount;
      expect(pg.totalAmount).toBe(order.totalAmount);
      if (mine.status === 'PAID') {
        kept += pg.totalAmount;
        expect(mine.payment).toMatchObject({ status: 'APPROVED', amount: order.totalAmount });
        expect(mine.shipments).toEqual([{ status: 'READY' }]);
        expect(pg.balanceAmount).toBe(order.totalAmount);
      } else {
        refunded += mine.refundedAmount as number;
        expect(mine).toMatchObject({ status: 'CANCELLED', refundedAmount: order.totalAmount });
        expect(mine.payment).toMatchObject({
          status: 'CANCELLED',
          cancelledAmount: order.totalAmount,
        });
        expect(pg.balanceAmount).toBe(0);
      }
    }
    expect(kept + refunded).toBe(charged);
    const paidUnits = orders.length - cancelled.length;
    const onHand = await expectStockConserved(shop, skus, 2 * stock, paidUnits);
    for (const buyer of buyers) {
      const account = (await shop.call(myAccount, {}, buyer.token)).data!.me;
      const paid = (account.orders.nodes as { status: string }[]).filter(
        (o) => o.status === 'PAID',
      ).length;
      expect(account.pointsBalance).toBe(1_000 - 500 * paid);
    }
    reportFigure(
      `kafka down: charged ₩${charged} = kept ₩${kept} (${paidUnits} PAID, each shipped once) + refunded ₩${refunded}; on hand ${onHand} = ${2 * stock} − ${paidUnits}; points used once per PAID order`,
    );
  });
});
