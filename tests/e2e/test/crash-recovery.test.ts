import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { waitFor } from '@shop/testkit';
import { expectBooksNet } from '../src/books.js';
import { checkoutFixtures } from '../src/checkout-fixtures.js';
import { cancelOrder, orderDetail, skuStock } from '../src/checkout-operations.js';
import { chargedThenDied, entityOf, reservationLapses } from '../src/left-behind.js';
import { startShop, type ShopUnderTest } from '../src/shop-under-test.js';
import { describeOnEachShop } from '../src/shop-runs.js';

describeOnEachShop('work left behind by a process that died', ({ env }) => {
  let shop: ShopUnderTest;
  let given: ReturnType<typeof checkoutFixtures>;

  beforeAll(async () => {
    shop = await startShop({
      SHOP_PG_TIMEOUT_MS: '1000',
      SHOP_PAYMENT_RECOVER_AFTER_MS: '3000',
      SHOP_PAYMENT_RECOVERY_SWEEP_MS: '200',
      SHOP_RESERVATION_TTL_SECONDS: '10',
      SHOP_RESERVATION_SWEEP_MS: '200',
      SHOP_ORDER_SWEEP_MS: '200',
      SHOP_ORDER_PLACING_TIMEOUT_SECONDS: '5',
      ...env,
    });
    given = checkoutFixtures(shop);
  });
  afterAll(() => shop?.stop());

  async function placed(price: number, sku?: string) {
    const skuId = sku ?? (await given.skuOnSale(price, 5));
    const buyer = await given.customer();
    const order = (await given.order(buyer.token, { lines: [{ skuId, quantity: 1 }] })).data!
      .createOrder as { id: string; totalAmount: number };
    return { buyer, order, paymentKey: await given.authorize(order.id, order.totalAmount) };
  }

  const detail = async (orderId: string, token: string) =>
    (await shop.call(orderDetail, { id: orderId }, token)).data!.order;

  it('finishes a confirmation whose process died after the PG charged: the order is PAID once', async () => {
    const { buyer, order, paymentKey } = await placed(15_000);
    await chargedThenDied(shop, buyer, order, paymentKey);
    const paid = await waitFor('recovery to finish the payment', async () => {
      const current = await detail(order.id, buyer.token);
      return current.status === 'PAID' && current;
    });
    expect(paid.payment).toMatchObject({ status: 'APPROVED', amount: order.totalAmount });

    // The customer coming back with the same payment finds it done, not "in progress".
    const again = (await given.confirm(buyer.token, order.id, 'any-key', order.totalAmount)).data!
      .confirmPayment;
    expect(again).toMatchObject({ __typename: 'Payment', status: 'APPROVED' });
  });

  it('voids a charge whose order expired before recovery came, with a row and an event the books net', async () => {
    const { buyer, order, paymentKey } = await placed(16_000);
    await waitFor('the unpaid order to expire', async () => {
      const current = await detail(order.id, buyer.token);
      return current.status === 'CANCELLED' && current.cancelReason === 'EXPIRED';
    });
    // Paid at the PG after all — a late confirmation that then died before telling anyone.
    await chargedThenDied(shop, buyer, order, paymentKey);

    const voided = await waitFor('recovery to void the charge', async () => {
      const current = await detail(order.id, buyer.token);
      return current.payment?.status === 'CANCELLED' && current;
    });
    expect(voided).toMatchObject({
      status: 'CANCELLED',
      payment: { amount: order.totalAmount, cancelledAmount: order.totalAmount },
    });
    // The PG charged and gave back; the books say the same, so the day has no difference here.
    await expectBooksNet(shop, [order.id]);
  });

  it('fails an order whose placing process died with stock held, and gives the stock back', async () => {
    const skuId = await given.skuOnSale(14_000, 3);
    const buyer = await given.customer();
    const orderId = randomUUID();
    // What order leaves when it dies between holding stock and holding the rest: two units
    // reserved at product, and the order row PLACING, written a while ago.
    await shop.shop.runtime
      .internalClient('order', 'product')
      .post(
        '/internal/reservations',
        { orderId, lines: [{ skuId, quantity: 2 }] },
        { idempotencyKey: orderId },
      );
    expect((await shop.call(skuStock, { id: skuId }, shop.adminToken)).data!.sku).toMatchObject({
      reserved: 2,
    });

    const placedAt = new Date(Date.now() - 60_000);
    await shop.shop.services
      .get('order')!
      .orm.em.fork()
      .insert(entityOf('order', 'Order'), {
        id: orderId,
        userId: buyer.userId,
        status: 'PLACING',
        orderName: '중단된 주문',
        subtotal: 28_000,
        productDiscount: 0,
        couponDiscount: 0,
        pointsUsed: 0,
        shippingFee: 3_000,
        totalAmount: 31_000,
        shippingAddress: {
          recipient: '홍길동',
          phone: '010-1234-5678',
          postalCode: '04524',
          line1: '서울',
          line2: null,
        },
        idempotencyKey: `interrupted-${orderId}`,
        expiresAt: new Date(Date.now() + 15 * 60_000),
        createdAt: placedAt,
        updatedAt: placedAt,
      });

    // Not payable (PLACING, or already failed by the sweeper), and the units come back.
    const paymentKey = await given.authorize(orderId, 31_000);
    const refused = (await given.confirm(buyer.token, orderId, paymentKey, 31_000)).data!
      .confirmPayment;
    expect(refused).toMatchObject({ errorCode: 'ORDER_NOT_PAYABLE' });
    await waitFor('the interrupted order to fail', async () => {
      const order = await detail(orderId, buyer.token);
      return order.status === 'FAILED';
    });
    await waitFor('its stock to come back', async () => {
      const sku = (await shop.call(skuStock, { id: skuId }, shop.adminToken)).data!.sku;
      return sku.reserved === 0 && sku.available === 3;
    });
  });

  it('nets the books to the PG when 30 customers cancel while their payment is being confirmed', async () => {
    const skuId = await given.skuOnSale(10_000, 30);
    const orders = await Promise.all(
      Array.from({ length: 30 }, async () => {
        const { buyer, order, paymentKey } = await placed(10_000, skuId);
        return { buyer, order, paymentKey };
      }),
    );
    await Promise.all(
      orders.flatMap(({ buyer, order, paymentKey }) => [
        given.confirm(buyer.token, order.id, paymentKey, order.totalAmount),
        shop.call(cancelOrder, { id: order.id }, buyer.token),
      ]),
    );
    // Whichever won, a charge is either kept by a PAID order or given back, and the books agree.
    for (const { buyer, order } of orders) {
      const settled = await waitFor('the order and its payment to settle', async () => {
        const current = await detail(order.id, buyer.token);
        return current.payment?.status !== 'READY' && current;
      });
      const pg = await given.pgPayment(order.id);
      if (settled.status === 'PAID') expect(pg).toMatchObject({ status: 'DONE' });
      else expect(pg?.status ?? 'NOT_CHARGED').not.toBe('DONE');
    }
    await expectBooksNet(
      shop,
      orders.map(({ order }) => order.id),
    );
  });

  it('cancels a paid order whose cancellation refund was finished by recovery after payment died', async () => {
    const skuId = await given.skuOnSale(18_000, 4);
    const { buyer, order, paymentKey } = await placed(18_000, skuId);
    const paid = (await given.confirm(buyer.token, order.id, paymentKey, order.totalAmount)).data!
      .confirmPayment;
    expect(paid).toMatchObject({ status: 'APPROVED' });
    // What payment leaves when it dies right after the PG refunded a cancellation: the PG
    // refunded under the cancellation's key, the refund row REQUESTED, the amount counted.
    const key = `order-cancel-${order.id}`;
    const refundedAt = new Date(Date.now() - 60_000);
    await fetch(`${shop.pg.url}/v1/payments/${encodeURIComponent(paymentKey)}/cancel`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from('test_sk_sandbox:').toString('base64')}`,
        'content-type': 'application/json',
        'idempotency-key': key,
      },
      // The body payment sends: the PG replays a key only for the same request.
      body: JSON.stringify({
        cancelReason: 'order cancelled by customer',
        cancelAmount: order.totalAmount,
      }),
    });
    const payments = shop.shop.services.get('payment')!.orm.em.fork();
    await payments.nativeUpdate(
      entityOf('payment', 'Payment'),
      { id: paid.id },
      { cancelledAmount: order.totalAmount },
    );
    await payments.insert(entityOf('payment', 'PaymentCancel'), {
      id: randomUUID(),
      paymentId: paid.id,
      amount: order.totalAmount,
      reason: 'order cancelled by customer',
      idempotencyKey: key,
      lines: [],
      void: false,
      status: 'REQUESTED',
      createdAt: refundedAt,
      updatedAt: refundedAt,
    });

    // Recovery finishes the refund; order hears of it and closes; the unit goes back.
    const closed = await waitFor('the refunded order to close', async () => {
      const current = await detail(order.id, buyer.token);
      return current.status === 'CANCELLED' && current;
    });
    expect(closed).toMatchObject({
      cancelReason: 'CUSTOMER',
      refundedAmount: order.totalAmount,
      payment: { status: 'CANCELLED', cancelledAmount: order.totalAmount },
    });
    await waitFor('the unit back on the shelf', async () => {
      const sku = (await shop.call(skuStock, { id: skuId }, shop.adminToken)).data!.sku;
      return sku.onHand === 4 && sku.reserved === 0;
    });
    expect(await given.pgPayment(order.id)).toMatchObject({ status: 'CANCELED', balanceAmount: 0 });
  });

  it('sells a paid order the units of its lapsed reservation while they are still free', async () => {
    const skuId = await given.skuOnSale(13_000, 2);
    const { buyer, order, paymentKey } = await placed(13_000, skuId);
    await reservationLapses(shop, order.id);
    const paid = (await given.confirm(buyer.token, order.id, paymentKey, order.totalAmount)).data!
      .confirmPayment;
    expect(paid).toMatchObject({ status: 'APPROVED' });
    expect((await detail(order.id, buyer.token)).status).toBe('PAID');
    const sku = (await shop.call(skuStock, { id: skuId }, shop.adminToken)).data!.sku;
    expect(sku).toMatchObject({ onHand: 1, reserved: 0, available: 1 });
    expect(
      sku.stockMovements.reduce((sum: number, m: { quantity: number }) => sum + m.quantity, 0),
    ).toBe(1);
  });

  it('never sells a unit twice: a paid order whose lapsed units were sold is cancelled and refunded', async () => {
    const skuId = await given.skuOnSale(12_000, 1);
    const late = await placed(12_000, skuId);
    await reservationLapses(shop, late.order.id);
    const first = await placed(12_000, skuId);
    expect(
      (
        await given.confirm(
          first.buyer.token,
          first.order.id,
          first.paymentKey,
          first.order.totalAmount,
        )
      ).data!.confirmPayment,
    ).toMatchObject({ status: 'APPROVED' });

    await given.confirm(late.buyer.token, late.order.id, late.paymentKey, late.order.totalAmount);
    const cancelled = await waitFor('the order without stock to be cancelled', async () => {
      const current = await detail(late.order.id, late.buyer.token);
      return current.status === 'CANCELLED' && current;
    });
    expect(cancelled).toMatchObject({
      cancelReason: 'OUT_OF_STOCK',
      refundedAmount: late.order.totalAmount,
      payment: { status: 'CANCELLED', cancelledAmount: late.order.totalAmount },
    });
    expect(await given.pgPayment(late.order.id)).toMatchObject({ status: 'CANCELED' });
    expect((await detail(first.order.id, first.buyer.token)).status).toBe('PAID');
    const sku = (await shop.call(skuStock, { id: skuId }, shop.adminToken)).data!.sku;
    expect(sku).toMatchObject({ onHand: 0, reserved: 0, available: 0 });

    // Counted and published, never only a log line; and the books net the sale and its refund.
    const metrics = await shop.shop.runtime.metricsRegistry.getSingleMetricAsString(
      'shop_stock_shortfall_units_total',
    );
    expect(Number(/shop_stock_shortfall_units_total (\d+)/.exec(metrics)![1])).toBeGreaterThan(0);
    const shortfalls = await shop.shop.services
      .get('product')!
      .orm.em.fork()
      .find(entityOf('product', 'Reservation'), { orderId: late.order.id, status: 'SHORT' });
    expect(shortfalls).toHaveLength(1);
    await expectBooksNet(shop, [late.order.id]);
  });
});
