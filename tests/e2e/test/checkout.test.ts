import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testCards } from '@shop/pg-sandbox';
import { waitFor } from '@shop/testkit';
import { createCategory, updateProduct } from '../src/catalog-operations.js';
import { checkoutFixtures } from '../src/checkout-fixtures.js';
import {
  adminOrders,
  cancelOrder,
  createDiscount,
  myAccount,
  orderDetail,
  quote,
  skuPrices,
  skuStock,
} from '../src/checkout-operations.js';
import { startShop, type ShopUnderTest } from '../src/shop-under-test.js';
import { describeOnEachShop } from '../src/shop-runs.js';

describeOnEachShop('checkout through the router', ({ env }) => {
  let shop: ShopUnderTest;
  let given: ReturnType<typeof checkoutFixtures>;

  beforeAll(async () => {
    shop = await startShop({
      // 200 buyers at once on two cores queue for seconds: generous timeouts, so the test measures
      // correctness under contention rather than this machine's latency.
      SHOP_SUBGRAPH_TIMEOUT_MS: '60000',
      SHOP_INTERNAL_TIMEOUT_MS: '30000',
      SHOP_RESERVATION_TTL_SECONDS: '12',
      SHOP_RESERVATION_SWEEP_MS: '300',
      SHOP_ORDER_SWEEP_MS: '300',
      ...env,
    });
    given = checkoutFixtures(shop);
  });

  afterAll(async () => {
    await shop?.stop();
  });

  const stockOf = async (skuId: string) => {
    const sku = (await shop.call(skuStock, { id: skuId }, shop.adminToken)).data!.sku;
    const movements = (sku.stockMovements as { quantity: number }[]).reduce(
      (sum, m) => sum + m.quantity,
      0,
    );
    return { onHand: sku.onHand as number, reserved: sku.reserved as number, movements };
  };
  const account = async (token: string) => (await shop.call(myAccount, {}, token)).data!.me;
  const detail = async (orderId: string, token: string) =>
    (await shop.call(orderDetail, { id: orderId }, token)).data!.order;

  it('buys: order → PG → confirmPayment → PAID, charging exactly the quote, using stock, coupon and points', async () => {
    const skuId = await given.skuOnSale(30_000, 10);
    const buyer = await given.customer(1_000);
    const couponId = await given.coupon(buyer.token, {
      kind: 'FIXED',
      value: 3_000,
      minOrderAmount: 10_000,
    });
    const lines = [{ skuId, quantity: 2 }];

    const priced = (await shop.call(quote, { lines, couponId }, buyer.token)).data!.quote;
    expect(priced).toMatchObject({
      subtotal: 60_000,
      couponDiscount: 3_000,
      total: 57_000,
      couponApplied: true,
    });

    const placed = (await given.order(buyer.token, { lines, couponId, pointsToUse: 500 })).data!
      .createOrder;
    expect(placed).toMatchObject({
      __typename: 'Order',
      status: 'PENDING',
      shippingFee: 0,
      pointsUsed: 500,
    });
    expect(placed.totalAmount).toBe(priced.total + placed.shippingFee - 500);
    expect(await stockOf(skuId)).toMatchObject({ onHand: 10, reserved: 2 });

    const paymentKey = await given.authorize(placed.id, placed.totalAmount);
    const paid = (await given.confirm(buyer.token, placed.id, paymentKey, placed.totalAmount)).data!
      .confirmPayment;
    expect(paid).toMatchObject({ __typename: 'Payment', status: 'APPROVED', amount: 56_500 });

    expect(await detail(placed.id, buyer.token)).toMatchObject({
      status: 'PAID',
      payment: { status: 'APPROVED', amount: 56_500 },
    });
    expect(await stockOf(skuId)).toEqual({ onHand: 8, reserved: 0, movements: 8 });
    const me = await account(buyer.token);
    expect(me.pointsBalance).toBe(500);
    expect(me.coupons).toContainEqual({ id: couponId, status: 'USED' });
    const lineTotals = (await detail(placed.id, buyer.token)).lines;
    expect(
      lineTotals.reduce((sum: number, line: { paidAmount: number }) => sum + line.paidAmount, 0),
    ).toBe(56_500);
  });

  it('fails a confirmation with another amount, and a declined card, giving everything back', async () => {
    const skuId = await given.skuOnSale(20_000, 5);
    const buyer = await given.customer(1_000);
    const couponId = await given.coupon(buyer.token, {
      kind: 'RATE',
      value: 10,
      maxDiscount: 5_000,
    });

    const order = (
      await given.order(buyer.token, {
        lines: [{ skuId, quantity: 1 }],
        couponId,
        pointsToUse: 300,
      })
    ).data!.createOrder;
    const key = await given.authorize(order.id, order.totalAmount);
    const tampered = (await given.confirm(buyer.token, order.id, key, order.totalAmount - 1000))
      .data!.confirmPayment;
    expect(tampered).toMatchObject({ __typename: 'PaymentFailed', errorCode: 'AMOUNT_MISMATCH' });
    expect((await detail(order.id, buyer.token)).status).toBe('FAILED');
    expect(await stockOf(skuId)).toMatchObject({ onHand: 5, reserved: 0 });
    let me = await account(buyer.token);
    expect(me.pointsBalance).toBe(1_000);
    expect(me.coupons).toContainEqual({ id: couponId, status: 'ISSUED' });

    const second = (
      await given.order(buyer.token, {
        lines: [{ skuId, quantity: 2 }],
        couponId,
        pointsToUse: 300,
      })
    ).data!.createOrder;
    const declinedKey = await given.authorize(second.id, second.totalAmount, testCards.DECLINED);
    const declined = (await given.confirm(buyer.token, second.id, declinedKey, second.totalAmount))
      .data!.confirmPayment;
    expect(declined).toMatchObject({
      __typename: 'PaymentFailed',
      errorCode: 'PG_REJECT_CARD_PAYMENT',
    });
    expect((await detail(second.id, buyer.token)).status).toBe('FAILED');
    expect(await stockOf(skuId)).toMatchObject({ onHand: 5, reserved: 0 });
    me = await account(buyer.token);
    expect(me.pointsBalance).toBe(1_000);
    expect(me.coupons).toContainEqual({ id: couponId, status: 'ISSUED' });
  });

  it('answers 50 concurrent confirmations of one order with one PG confirmation and one PAID', async () => {
    const skuId = await given.skuOnSale(15_000, 3);
    const buyer = await given.customer();
    const order = (await given.order(buyer.token, { lines: [{ skuId, quantity: 1 }] })).data!
      .createOrder;
    const key = await given.authorize(order.id, order.totalAmount);
    const before = (await given.pgStats()).confirmations;
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        given.confirm(buyer.token, order.id, key, order.totalAmount),
      ),
    );
    const payments = answers.map((answer) => answer.data!.confirmPayment);
    expect(payments.every((payment) => payment.__typename === 'Payment')).toBe(true);
    expect(new Set(payments.map((payment) => payment.id)).size).toBe(1);
    expect((await given.pgStats()).confirmations - before).toBe(1);
    expect((await detail(order.id, buyer.token)).status).toBe('PAID');
    expect(await stockOf(skuId)).toEqual({ onHand: 2, reserved: 0, movements: 2 });
  });

  it('settles a PG that answers too late by asking it, not by guessing: the payment went through', async () => {
    const skuId = await given.skuOnSale(11_000, 2);
    const buyer = await given.customer();
    const order = (await given.order(buyer.token, { lines: [{ skuId, quantity: 1 }] })).data!
      .createOrder;
    // The sandbox approves this card but answers after 3 s; payment waits 1 s, then asks.
    const key = await given.authorize(order.id, order.totalAmount, testCards.TIMEOUT);
    const paid = (await given.confirm(buyer.token, order.id, key, order.totalAmount)).data!
      .confirmPayment;
    expect(paid).toMatchObject({ __typename: 'Payment', status: 'APPROVED' });
    expect((await detail(order.id, buyer.token)).status).toBe('PAID');
  });

  it('sells exactly the 10 in stock to 200 concurrent buyers; the rest hear OutOfStock; stock is conserved', async () => {
    const skuId = await given.skuOnSale(9_900, 10);
    const buyers = await Promise.all(Array.from({ length: 20 }, () => given.customer()));
    const attempts = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        const buyer = buyers[i % buyers.length]!;
        const placed = (await given.order(buyer.token, { lines: [{ skuId, quantity: 1 }] })).data!
          .createOrder;
        if (placed.__typename !== 'Order') return placed.__typename as string;
        const key = await given.authorize(placed.id, placed.totalAmount);
        const paid = (await given.confirm(buyer.token, placed.id, key, placed.totalAmount)).data!
          .confirmPayment;
        return paid.__typename === 'Payment' ? 'PAID' : paid.errorCode;
      }),
    );
    expect(attempts.filter((outcome) => outcome === 'PAID')).toHaveLength(10);
    expect(attempts.filter((outcome) => outcome === 'OutOfStock')).toHaveLength(190);
    expect(await stockOf(skuId)).toEqual({ onHand: 0, reserved: 0, movements: 0 });
  });

  it('cancels an unpaid order past its expiry and gives everything back', async () => {
    const skuId = await given.skuOnSale(12_000, 4);
    const buyer = await given.customer(800);
    const couponId = await given.coupon(buyer.token, { kind: 'FIXED', value: 1_000 });
    const order = (
      await given.order(buyer.token, {
        lines: [{ skuId, quantity: 4 }],
        couponId,
        pointsToUse: 800,
      })
    ).data!.createOrder;
    expect(order.status).toBe('PENDING');
    expect(await stockOf(skuId)).toMatchObject({ reserved: 4 });
    await waitFor(
      'the unpaid order to expire',
      async () => (await detail(order.id, buyer.token)).status === 'CANCELLED',
      { timeoutMs: 30_000, intervalMs: 300 },
    );
    expect((await detail(order.id, buyer.token)).cancelReason).toBe('EXPIRED');
    await waitFor('holds given back', async () => (await stockOf(skuId)).reserved === 0);
    const me = await account(buyer.token);
    expect(me.pointsBalance).toBe(800);
    expect(me.coupons).toContainEqual({ id: couponId, status: 'ISSUED' });
    // Paying after expiry is refused and nothing is charged.
    const key = await given.authorize(order.id, order.totalAmount);
    const late = (await given.confirm(buyer.token, order.id, key, order.totalAmount)).data!
      .confirmPayment;
    expect(late).toMatchObject({ __typename: 'PaymentFailed', errorCode: 'ORDER_NOT_PAYABLE' });
  });

  it('refunds at the PG and restores stock, coupon and points when a paid order is cancelled', async () => {
    const skuId = await given.skuOnSale(25_000, 6);
    const buyer = await given.customer(2_000);
    const couponId = await given.coupon(buyer.token, { kind: 'FIXED', value: 2_500 });
    const order = (
      await given.order(buyer.token, {
        lines: [{ skuId, quantity: 2 }],
        couponId,
        pointsToUse: 2_000,
      })
    ).data!.createOrder;
    const key = await given.authorize(order.id, order.totalAmount);
    await given.confirm(buyer.token, order.id, key, order.totalAmount);
    expect(await stockOf(skuId)).toMatchObject({ onHand: 4 });

    const cancelled = (await shop.call(cancelOrder, { id: order.id }, buyer.token)).data!
      .cancelOrder;
    expect(cancelled).toMatchObject({
      __typename: 'Order',
      status: 'CANCELLED',
      refundedAmount: order.totalAmount,
    });
    expect((await detail(order.id, buyer.token)).payment).toMatchObject({
      status: 'CANCELLED',
      cancelledAmount: order.totalAmount,
    });
    expect(await stockOf(skuId)).toEqual({ onHand: 6, reserved: 0, movements: 6 });
    const me = await account(buyer.token);
    expect(me.pointsBalance).toBe(2_000);
    expect(me.coupons).toContainEqual({ id: couponId, status: 'RESTORED' });
    // Cancelling again changes nothing and refunds nothing more.
    const again = (await shop.call(cancelOrder, { id: order.id }, buyer.token)).data!.cancelOrder;
    expect(again).toMatchObject({ status: 'CANCELLED', refundedAmount: order.totalAmount });
  });

  it('shows sale prices from promotion on the SKU, and prices orders with them', async () => {
    const skuId = await given.skuOnSale(40_000, 5);
    const { product } = (await shop.call(skuPrices, { id: skuId })).data!.sku;
    const discountOn = async (target: 'PRODUCT' | 'CATEGORY', targetId: string, rate: number) => {
      const input = {
        name: `${target} 특가`,
        target,
        targetId,
        kind: 'RATE',
        value: rate,
        startsAt: new Date(Date.now() - 60_000).toISOString(),
        endsAt: new Date(Date.now() + 3_600_000).toISOString(),
      };
      const discount = await shop.call(createDiscount, { input }, shop.adminToken);
      expect(discount.data?.createDiscount.__typename).toBe('Discount');
    };
    await discountOn('PRODUCT', product.id, 25);
    // price from product, salePrice from promotion (@requires price and what a discount may
    // target): one query, two subgraphs.
    expect((await shop.call(skuPrices, { id: skuId })).data!.sku).toMatchObject({
      price: 40_000,
      salePrice: 30_000,
    });
    const buyer = await given.customer();
    const order = (await given.order(buyer.token, { lines: [{ skuId, quantity: 1 }] })).data!
      .createOrder;
    expect(order).toMatchObject({ subtotal: 40_000, totalAmount: 30_000 + 3_000 });
    const listed = (
      await shop.call(adminOrders, { filter: { userId: buyer.userId } }, shop.adminToken)
    ).data!.adminOrders;
    expect(listed.nodes.map((node: { id: string }) => node.id)).toEqual([order.id]);
    const forbidden = await shop.call(adminOrders, {}, buyer.token);
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // A better discount on its category: the best one counts.
    await discountOn('CATEGORY', product.category.id, 40);
    expect((await shop.call(skuPrices, { id: skuId })).data!.sku).toMatchObject({
      price: 40_000,
      salePrice: 24_000,
    });
    // Moved under a parent with a better discount: an ancestor's discount reaches it too.
    const category = async (parentId?: string) => {
      const input = { name: '분류', slug: `sale-${randomUUID().slice(0, 8)}`, parentId };
      return (await shop.call(createCategory, { input }, shop.adminToken)).data!.createCategory
        .id as string;
    };
    const parentId = await category();
    const input = { categoryId: await category(parentId) };
    const moved = await shop.call(updateProduct, { id: product.id, input }, shop.adminToken);
    expect(moved.data?.updateProduct.__typename).toBe('Product');
    await discountOn('CATEGORY', parentId, 50);
    expect((await shop.call(skuPrices, { id: skuId })).data!.sku).toMatchObject({
      price: 40_000,
      salePrice: 20_000,
    });
  });

  it('keeps orders to their owners and refuses bad input', async () => {
    const skuId = await given.skuOnSale(5_000, 2);
    const owner = await given.customer();
    const stranger = await given.customer();
    const order = (await given.order(owner.token, { lines: [{ skuId, quantity: 1 }] })).data!
      .createOrder;
    expect((await shop.call(orderDetail, { id: order.id }, stranger.token)).data?.order).toBeNull();
    expect(
      (await shop.call(cancelOrder, { id: order.id }, stranger.token)).data?.cancelOrder.errorCode,
    ).toBe('ORDER_NOT_FOUND');
    const key = await given.authorize(order.id, order.totalAmount);
    expect(
      (await given.confirm(stranger.token, order.id, key, order.totalAmount)).data?.confirmPayment
        .errorCode,
    ).toBe('ORDER_NOT_FOUND');
    const bad = (await given.order(owner.token, { lines: [], idempotencyKey: 'x' })).data!
      .createOrder;
    expect(bad.__typename).toBe('InvalidInput');
    expect(bad.issues.map((issue: { field: string }) => issue.field)).toEqual(
      expect.arrayContaining(['lines', 'idempotencyKey']),
    );
    const anonymous = await shop.call(cancelOrder, { id: randomUUID() });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
