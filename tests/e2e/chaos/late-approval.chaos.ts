import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCards } from '@shop/pg-sandbox';
import { probeInfra, waitFor } from '@shop/testkit';
import { expectBooksNet } from '../src/books.js';
import { checkoutFixtures } from '../src/checkout-fixtures.js';
import { myAccount, orderDetail } from '../src/checkout-operations.js';
import { reportFigure } from '../src/figures.js';
import {
  expectStockConserved,
  jobItems,
  startChaosShop,
  type ChaosShop,
} from '../src/chaos-shop.js';
import type { ShopProcesses } from '../src/shop-processes.js';

const infra = await probeInfra(['mysql', 'kafka', 'redis', 'opensearch']);

/** Payment dies once right after approving a late charge: the PaymentApproved event must void it. */
const crashPoints = ['payment.confirm.approved@2'];

/** The PG approves at once but answers this late; orders expire ~18 s after they are placed. */
const pgAnswerDelayMs = 25_000;

describe.skipIf(!infra.ok)('the PG approves after the order expired (processes, replicas)', () => {
  let chaos: ChaosShop;
  let shop: ShopProcesses;
  let given: ReturnType<typeof checkoutFixtures>;

  beforeAll(async () => {
    chaos = await startChaosShop(
      crashPoints,
      {
        // Long enough to hear the late answer.
        SHOP_PG_TIMEOUT_MS: '30000',
        // More than twice the PG's timeout (payment's config insists), so recovery never races a
        // confirmation still waiting for its answer.
        SHOP_PAYMENT_RECOVER_AFTER_MS: '61000',
        SHOP_PAYMENT_RECOVERY_SWEEP_MS: '500',
        SHOP_RESERVATION_TTL_SECONDS: '20',
      },
      { pgAnswerDelayMs },
    );
    shop = chaos.shop;
    given = checkoutFixtures(shop);
  });
  afterAll(() => shop?.stop());

  it('voids every charge approved after its order expired; nothing paid, everything given back', async () => {
    const stock = 12;
    const skus = [await given.skuOnSale(18_000, stock), await given.skuOnSale(19_000, stock)];
    const buyers: { token: string; couponId: string }[] = [];
    for (let i = 0; i < 11; i++) {
      const buyer = await given.customer(1_000);
      buyers.push({
        token: buyer.token,
        couponId: await given.coupon(buyer.token, { kind: 'FIXED', value: 1_000 }),
      });
    }

    // Each buyer places two orders (the coupon on the first), 500 points each.
    const orders: { id: string; token: string; totalAmount: number; expiresAt: number }[] = [];
    let next = 0;
    const shopper = async () => {
      while (next < 2 * buyers.length) {
        const n = next++;
        const buyer = buyers[n % buyers.length]!;
        const placed = (
          await given.order(buyer.token, {
            lines: [{ skuId: skus[n % skus.length]!, quantity: 1 }],
            pointsToUse: 500,
            ...(n < buyers.length ? { couponId: buyer.couponId } : {}),
          })
        ).data?.createOrder;
        expect(placed?.__typename).toBe('Order');
        orders.push({
          id: placed.id,
          token: buyer.token,
          totalAmount: placed.totalAmount,
          expiresAt: Date.parse(placed.expiresAt),
        });
      }
    };
    await Promise.all(Array.from({ length: 6 }, shopper));
    expect(orders.length).toBeGreaterThanOrEqual(20);

    // Everyone pays at once with the card the PG approves at once and answers late for: the
    // answer comes after the order expired.
    const outcomes = new Map<string, number>();
    await Promise.all(
      orders.map(async (order) => {
        const paymentKey = await given.authorize(order.id, order.totalAmount, testCards.TIMEOUT);
        const answer = await given.confirm(order.token, order.id, paymentKey, order.totalAmount);
        expect(Date.now()).toBeGreaterThan(order.expiresAt);
        const payment = answer.data?.confirmPayment;
        const outcome: string =
          payment?.errorCode ?? payment?.status ?? answer.errors?.[0]?.message ?? 'no answer';
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      }),
    );
    const answered = performance.now();
    for (const point of crashPoints) expect(chaos.fired(point), `${point} fired`).toBe(true);
    expect(outcomes.get('APPROVED') ?? 0).toBe(0);
    reportFigure(
      `late approval: ${orders.length} orders paid ${pgAnswerDelayMs / 1000} s late, answers ${JSON.stringify(Object.fromEntries(outcomes))}`,
    );

    // Every order expired, and every charge the PG made for it is voided — by payment itself, by
    // order hearing PaymentApproved (the process died after approving), or by recovery.
    let open = '';
    const settled = await waitFor(
      'every late charge to be voided',
      async () => {
        const views = [];
        for (const order of orders) {
          const answer = await shop.call(orderDetail, { id: order.id }, order.token);
          // A service still coming back answers in part: look again.
          if (answer.errors) {
            open = `${order.id}: ${answer.errors[0]?.message}`;
            return undefined;
          }
          const mine = answer.data!.order;
          const pg = await given.pgPayment(order.id);
          open = `${order.id}: ${mine.status} ${mine.cancelReason}, payment ${JSON.stringify(mine.payment)}, PG ${pg?.status}`;
          if (mine.status !== 'CANCELLED' || mine.payment?.status !== 'CANCELLED') return undefined;
          if (pg?.status !== 'CANCELED') return undefined;
          views.push({ order, mine, pg });
        }
        return views;
      },
      { timeoutMs: 150_000, intervalMs: 500 },
    ).catch((error: Error) => {
      throw new Error(`${error.message}; still open: ${open}; log: ${shop.logFile}`);
    });
    reportFigure(
      `late approval: ${orders.length} charges voided ${((performance.now() - answered) / 1000).toFixed(1)} s after the last answer`,
    );

    const recovered = await jobItems(shop, 'payment', 'payment-recovery');
    reportFigure(`late approval: ${recovered} confirmations or refunds finished by recovery`);

    let charged = 0;
    let voided = 0;
    for (const { order, mine, pg } of settled) {
      expect(mine).toMatchObject({ status: 'CANCELLED', cancelReason: 'EXPIRED' });
      expect(mine.payment).toMatchObject({
        status: 'CANCELLED',
        amount: order.totalAmount,
        cancelledAmount: order.totalAmount,
      });
      expect(pg).toMatchObject({ totalAmount: order.totalAmount, balanceAmount: 0 });
      charged += pg.totalAmount;
      voided += pg.totalAmount - pg.balanceAmount;
    }
    expect(voided).toBe(charged);

    // Nothing was sold: every unit, coupon and point is back.
    const onHand = await expectStockConserved(shop, skus, 2 * stock, 0);
    for (const buyer of buyers) {
      const account = (await shop.call(myAccount, {}, buyer.token)).data!.me;
      expect(account.pointsBalance).toBe(1_000);
      const coupon = (account.coupons as { id: string; status: string }[]).find(
        (c) => c.id === buyer.couponId,
      );
      expect(coupon?.status).toBe('ISSUED');
      const statuses = (account.orders.nodes as { status: string }[]).map((o) => o.status);
      expect(statuses).toEqual(['CANCELLED', 'CANCELLED']);
    }
    reportFigure(
      `late approval: charged ₩${charged}, voided ₩${voided}, 0 paid; on hand ${onHand} = ${2 * stock}; every coupon and point given back`,
    );

    // The books net to the PG order by order, once settlement has heard every event.
    await expectBooksNet(
      shop,
      orders.map((order) => order.id),
    );
  });
});
