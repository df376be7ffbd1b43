import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeInfra, waitFor } from '@shop/testkit';
import { checkoutFixtures } from '../src/checkout-fixtures.js';
import { myAccount, orderDetail } from '../src/checkout-operations.js';
import { reportFigure } from '../src/figures.js';
import { expectStockConserved, startChaosShop, type ChaosShop } from '../src/chaos-shop.js';
import type { ShopProcesses } from '../src/shop-processes.js';

const infra = await probeInfra(['mysql', 'kafka', 'redis', 'opensearch']);

/** Where order dies while placing: once with nothing held yet, once with the stock held. */
const orderWhy = `query Why($id: ID!) { order(id: $id) { status failureReason cancelReason } }`;
const crashPoints = ['order.place.recorded@3', 'order.place.stock-held@6'];

describe.skipIf(!infra.ok)('order killed while placing orders (processes, replicas)', () => {
  let chaos: ChaosShop;
  let shop: ShopProcesses;
  let given: ReturnType<typeof checkoutFixtures>;

  beforeAll(async () => {
    chaos = await startChaosShop(crashPoints, {
      SHOP_ORDER_PLACING_TIMEOUT_SECONDS: '5',
    });
    shop = chaos.shop;
    given = checkoutFixtures(shop);
  });
  afterAll(() => shop?.stop());

  /**
   * As a person does: told to try again shortly, they do, with the same checkout (idempotency
   * key); an order that failed while being placed makes them start a new checkout.
   */
  async function placeLikeACustomer(token: string, input: Record<string, unknown>) {
    let answer: Awaited<ReturnType<typeof given.order>> | undefined;
    for (let checkout = 0; checkout < 3; checkout++) {
      const idempotencyKey = randomUUID();
      for (let attempt = 0; attempt < 15; attempt++) {
        answer = await given.order(token, { ...input, idempotencyKey });
        const status = answer.data?.createOrder?.status;
        if (!answer.errors && status !== 'PLACING') break;
        await sleep(1000);
      }
      if (answer?.data?.createOrder?.status !== 'FAILED') break;
    }
    return answer!;
  }

  it('takes stock, coupon and points only for paid orders; an interrupted order gives back what it held', async () => {
    const stock = 15;
    const skus = [await given.skuOnSale(20_000, stock), await given.skuOnSale(22_000, stock)];
    const buyers: { token: string; couponId: string }[] = [];
    for (let i = 0; i < 12; i++) {
      const buyer = await given.customer(1_000);
      buyers.push({
        token: buyer.token,
        couponId: await given.coupon(buyer.token, { kind: 'FIXED', value: 1_000 }),
      });
    }

    // Each buyer orders twice (coupon on the first), using 500 points each time, and pays.
    const attempts: { buyer: number; orderId?: string; paid: boolean; outcome: string }[] = [];
    let next = 0;
    const shopper = async () => {
      while (next < 24) {
        const n = next++;
        const buyer = buyers[n % buyers.length]!;
        const first = n < buyers.length;
        const answer = await placeLikeACustomer(buyer.token, {
          lines: [{ skuId: skus[n % skus.length]!, quantity: 1 }],
          pointsToUse: 500,
          ...(first ? { couponId: buyer.couponId } : {}),
        });
        const placed = answer.data?.createOrder;
        if (placed?.__typename !== 'Order') {
          const outcome = placed?.__typename ?? answer.errors?.[0]?.message ?? 'no answer';
          attempts.push({ buyer: n % buyers.length, paid: false, outcome });
          continue;
        }
        const paymentKey = await given.authorize(placed.id, placed.totalAmount);
        const paid = await given.confirm(buyer.token, placed.id, paymentKey, placed.totalAmount);
        const payment = paid.data?.confirmPayment;
        let outcome: string =
          payment?.status ?? payment?.errorCode ?? paid.errors?.[0]?.message ?? 'no answer';
        if (outcome === 'ORDER_NOT_PAYABLE') {
          const order = (await shop.call(orderWhy, { id: placed.id }, buyer.token)).data?.order;
          outcome += ` (placed ${placed.status}, now ${order?.status} ${order?.failureReason ?? order?.cancelReason ?? ''})`;
        }
        attempts.push({
          buyer: n % buyers.length,
          orderId: placed.id,
          paid: outcome === 'APPROVED',
          outcome,
        });
      }
    };
    await Promise.all(Array.from({ length: 6 }, shopper));
    const burstEnded = performance.now();
    for (const point of crashPoints) expect(chaos.fired(point), `${point} fired`).toBe(true);

    // Every order each buyer has is settled: nothing PLACING or PENDING is left.
    await waitFor(
      'every order to be paid or closed',
      async () => {
        for (const buyer of buyers) {
          const answer = await shop.call(myAccount, {}, buyer.token);
          // A service still coming back answers in part: look again.
          if (answer.errors) return false;
          const orders = answer.data!.me.orders.nodes as { status: string }[];
          if (orders.some((order) => ['PLACING', 'PENDING'].includes(order.status))) return false;
        }
        return true;
      },
      { timeoutMs: 120_000, intervalMs: 500 },
    );
    reportFigure(
      `order crashes: every order settled ${((performance.now() - burstEnded) / 1000).toFixed(1)} s after the burst`,
    );

    let paidUnits = 0;
    let interrupted = 0;
    for (const buyer of buyers) {
      const account = (await shop.call(myAccount, {}, buyer.token)).data!.me;
      const orders = account.orders.nodes as { id: string; status: string }[];
      const paid = orders.filter((order) => order.status === 'PAID');
      paidUnits += paid.length;
      interrupted += orders.filter((order) => order.status === 'FAILED').length;
      // Points: 500 for each paid order, every other hold given back.
      expect(account.pointsBalance).toBe(1_000 - 500 * paid.length);
      // The coupon is used by a paid order that had it, and usable again otherwise.
      const withCoupon = [];
      for (const order of paid) {
        const detail = (await shop.call(orderDetail, { id: order.id }, buyer.token)).data!.order;
        if (detail.lines.some((line: { couponDiscount: number }) => line.couponDiscount > 0))
          withCoupon.push(order.id);
      }
      const coupon = (account.coupons as { id: string; status: string }[]).find(
        (c) => c.id === buyer.couponId,
      );
      expect(coupon?.status).toBe(withCoupon.length > 0 ? 'USED' : 'ISSUED');
    }
    const onHand = await expectStockConserved(shop, skus, 2 * stock, paidUnits);
    const outcomes = new Map<string, number>();
    for (const attempt of attempts)
      outcomes.set(attempt.outcome, (outcomes.get(attempt.outcome) ?? 0) + 1);
    reportFigure(`order crashes: outcomes ${JSON.stringify(Object.fromEntries(outcomes))}`);
    // Most customers got through: a crash fails the orders in flight, not the shop.
    expect(paidUnits).toBeGreaterThanOrEqual(attempts.length / 2);
    reportFigure(
      `order crashes: ${attempts.length} attempts, ${paidUnits} paid, ${interrupted} failed; on hand ${onHand} = ${2 * stock} − ${paidUnits}; points and coupons used once per paid order`,
    );
  });
});
