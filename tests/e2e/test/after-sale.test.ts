import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { signWebhook } from '@shop/carrier-sandbox';
import { waitFor } from '@shop/testkit';
import { createCategory, createProduct } from '../src/catalog-operations.js';
import { cancelAndShipAtOnce } from '../src/cancel-or-ship.js';
import { checkoutFixtures } from '../src/checkout-fixtures.js';
import {
  deliveredOrder as deliverOrder,
  oneUnitReturn,
  requestReturn,
  returnStep,
  shipOrder,
} from '../src/after-sale-operations.js';
import { booksCaughtUp } from '../src/books.js';
import { skuStock } from '../src/checkout-operations.js';
import { outboxMarks, replayOutbox } from '../src/outbox-replay.js';
import { carrierWebhookSecret, startShop, type ShopUnderTest } from '../src/shop-under-test.js';
import { Outbox } from '@shop/kit/events';
import { Return as ReturnRecord } from '../../../subgraphs/return/src/domain/return.entity.js';
import { ReturnEvents } from '../../../subgraphs/return/src/services/return-events.js';
import { describeOnEachShop } from '../src/shop-runs.js';

const tracking = `query Tracking($id: ID!) {
  order(id: $id) {
    id status deliveredAt completedAt
    shipments { status carrier trackingNumber timeline { status occurredAt description } }
  }
}`;
const confirmPurchase = `mutation Confirm($id: ID!) {
  confirmPurchase(id: $id) { __typename ... on Order { status } ... on ErrorResult { errorCode } }
}`;
const points = `{ me { pointsBalance grade pointsHistory(first: 20) { delta reason } } }`;
const statements = `query Statements($from: String!, $to: String!) {
  settlementStatements(from: $from, to: $to) { date payments refunds pgFees net }
}`;
const brandStatements = `query BrandStatements($from: String!, $to: String!) {
  brandStatements(from: $from, to: $to) { date brand { id name } sales refunds net }
}`;
const reconcile = `mutation Reconcile($date: String!) {
  reconcileSettlement(date: $date) {
    ourPayments pgPayments ourRefunds pgRefunds pgFees differences { orderId kind ours pg }
  }
}`;
const cancelOrder = `mutation Cancel($id: ID!) { cancelOrder(id: $id) { __typename ... on Order { status } } }`;
const orderLines = `query Lines($id: ID!) {
  order(id: $id) {
    status lines { id quantity paidAmount sku { id } }
    payment { amount cancelledAmount }
    returns { id status refundedAmount reshipTrackingNumber }
  }
}`;
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date());

describeOnEachShop('after the sale through the router', ({ env }) => {
  let shop: ShopUnderTest;
  let given: ReturnType<typeof checkoutFixtures>;
  /** Where this run's sales and refunds start in order's and payment's outboxes. */
  let startMarks: Record<string, number>;

  beforeAll(async () => {
    shop = await startShop({
      ...env,
      SHOP_RETURN_RECOVER_AFTER_MS: '3000',
      SHOP_RETURN_RECOVERY_SWEEP_MS: '200',
    });
    given = checkoutFixtures(shop);
    startMarks = await outboxMarks(shop.shop, ['order', 'payment']);
  });

  afterAll(async () => {
    await shop?.stop();
  });

  /** A customer with a PAID order whose shipment is ready to go. */
  async function paidOrder(price: number, brandId?: string) {
    const skuId = await given.skuOnSale(price, 5, brandId);
    const buyer = await given.customer();
    const order = (await given.order(buyer.token, { lines: [{ skuId, quantity: 1 }] })).data!
      .createOrder;
    const key = await given.authorize(order.id, order.totalAmount);
    await given.confirm(buyer.token, order.id, key, order.totalAmount);
    await waitFor('the shipment to be opened', async () => {
      const result = await shop.call(tracking, { id: order.id }, buyer.token);
      return result.data?.order.shipments[0]?.status === 'READY';
    });
    return { buyer, order };
  }
  const view = async (orderId: string, token: string) =>
    (await shop.call(tracking, { id: orderId }, token)).data!.order;

  it('goes paid → shipped → delivered → confirmed → COMPLETED, crediting points once', async () => {
    const { buyer, order } = await paidOrder(120_000);
    const shipped = (
      await shop.call(shipOrder, { orderId: order.id, carrier: 'CJ대한통운' }, shop.adminToken)
    ).data!.shipOrder;
    expect(shipped).toMatchObject({ __typename: 'Shipment', status: 'SHIPPED' });
    await waitFor(
      'the order to be shipped',
      async () => (await view(order.id, buyer.token)).status === 'SHIPPED',
    );
    const delivered = await waitFor(
      'the carrier to deliver',
      async () => {
        const current = await view(order.id, buyer.token);
        return current.status === 'DELIVERED' && current;
      },
      { timeoutMs: 20_000, intervalMs: 200 },
    );
    expect(delivered.shipments[0].timeline.map((step: { status: string }) => step.status)).toEqual([
      'SHIPPED',
      'IN_TRANSIT',
      'OUT_FOR_DELIVERY',
      'DELIVERED',
    ]);

    const completed = (await shop.call(confirmPurchase, { id: order.id }, buyer.token)).data!
      .confirmPurchase;
    expect(completed).toMatchObject({ __typename: 'Order', status: 'COMPLETED' });
    expect(
      (await shop.call(confirmPurchase, { id: order.id }, buyer.token)).data!.confirmPurchase
        .status,
    ).toBe('COMPLETED');
    const reward = Math.floor(order.totalAmount / 100);
    const me = await waitFor('points for the purchase', async () => {
      const account = (await shop.call(points, {}, buyer.token)).data!.me;
      return account.pointsBalance === reward && account;
    });
    expect(
      me.pointsHistory.filter((entry: { reason: string }) => entry.reason === 'ORDER_REWARD'),
    ).toEqual([{ delta: reward, reason: 'ORDER_REWARD' }]);
    // Confirming an undelivered order is refused.
    const { buyer: other, order: notYet } = await paidOrder(9_000);
    expect(
      (await shop.call(confirmPurchase, { id: notYet.id }, other.token)).data!.confirmPurchase
        .errorCode,
    ).toBe('ORDER_NOT_DELIVERED');
  });

  it('ships or cancels each paid order asked both at once, never both', async () => {
    const winners = await cancelAndShipAtOnce(shop, given, 6);
    expect(winners).toHaveLength(6);
  });

  it('refuses badly signed webhooks and applies a webhook sent five times, shuffled, once and in order', async () => {
    const { buyer, order } = await paidOrder(15_000);
    const shipped = (
      await shop.call(shipOrder, { orderId: order.id, carrier: '한진택배' }, shop.adminToken)
    ).data!.shipOrder;
    const webhookUrl = `${new URL(shop.shop.services.get('delivery')!.url).origin}/webhooks/carrier`;
    const post = (event: object, secret = carrierWebhookSecret) => {
      const body = JSON.stringify(event);
      return fetch(webhookUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-carrier-signature': signWebhook(body, secret),
        },
        body,
      });
    };
    const base = Date.now() - 60_000;
    const steps = ['IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED'].map((status, i) => ({
      eventId: `test-${randomUUID()}`,
      trackingNumber: shipped.trackingNumber,
      status,
      occurredAt: new Date(base + i * 1000).toISOString(),
      location: '테스트 허브',
      description: `웹훅 테스트 ${i}`,
    }));

    expect((await post(steps[2]!, 'wrong-secret')).status).toBe(401);
    const forged = await fetch(webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(steps[2]),
    });
    expect(forged.status).toBe(401);

    const deliveries = [...steps, ...steps, ...steps, ...steps, ...steps].sort(
      () => Math.random() - 0.5,
    );
    const answers = await Promise.all(deliveries.map((event) => post(event)));
    expect(answers.every((answer) => answer.status === 200)).toBe(true);

    const current = await waitFor('the order delivered', async () => {
      const state = await view(order.id, buyer.token);
      return state.status === 'DELIVERED' && state;
    });
    const mine = current.shipments[0].timeline.filter((step: { description: string }) =>
      step.description.startsWith('웹훅 테스트'),
    );
    expect(mine.map((step: { description: string }) => step.description)).toEqual([
      '웹훅 테스트 0',
      '웹훅 테스트 1',
      '웹훅 테스트 2',
    ]);
    const times = current.shipments[0].timeline.map((step: { occurredAt: string }) =>
      Date.parse(step.occurredAt),
    );
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(current.shipments[0].status).toBe('DELIVERED');
  });

  it('books sales and refunds into a statement that reconciles with the PG, order by order', async () => {
    const date = today();
    const statement = async () =>
      (await shop.call(statements, { from: date, to: date }, shop.adminToken)).data!
        .settlementStatements[0] ?? {
        payments: 0,
        refunds: 0,
      };
    // Earlier tests' events are booked first, so what follows is measured from a settled start.
    await booksCaughtUp(shop.shop, startMarks);
    const before = await statement();
    const marks = await outboxMarks(shop.shop, ['order', 'payment']);

    const brandId = await given.brand(`정산 브랜드 ${shop.runId}`);
    const { order: kept } = await paidOrder(33_000, brandId);
    const { buyer, order: refunded } = await paidOrder(21_000, brandId);
    expect(
      (await shop.call(cancelOrder, { id: refunded.id }, buyer.token)).data!.cancelOrder.status,
    ).toBe('CANCELLED');
    const after = await waitFor('both sales and the refund booked', async () => {
      const current = await statement();
      return (
        current.payments - before.payments === kept.totalAmount + refunded.totalAmount &&
        current.refunds - before.refunds === refunded.totalAmount &&
        current
      );
    });
    expect(after.refunds - before.refunds).toBe(refunded.totalAmount);
    // The brand's lines apart: both sold, one given back (shipping is the shop's, not the brand's).
    const brandDayOf = async () =>
      (
        await shop.call(brandStatements, { from: date, to: date }, shop.adminToken)
      ).data!.brandStatements.find(
        (b: { brand: { id: string } | null }) => b.brand?.id === brandId,
      );
    const brandDay = await brandDayOf();
    expect(brandDay).toEqual({
      date,
      brand: { id: brandId, name: `정산 브랜드 ${shop.runId}` },
      sales: 33_000 + 21_000,
      refunds: 21_000,
      net: 33_000,
    });

    const reconciliation = (await shop.call(reconcile, { date }, shop.adminToken)).data!
      .reconcileSettlement;
    const ours = reconciliation.differences.filter(
      (d: { orderId: string }) => d.orderId === kept.id || d.orderId === refunded.id,
    );
    expect(ours).toEqual([]);
    expect(reconciliation.pgFees).toBeGreaterThan(0);
    const reconciled = await statement();
    expect(reconciled.net).toBe(reconciled.payments - reconciled.refunds - reconciled.pgFees);
    // Reconciling again books no fee twice.
    await shop.call(reconcile, { date }, shop.adminToken);
    expect((await statement()).pgFees).toBe(reconciled.pgFees);

    // Every order and payment event since, delivered three more times through the transport.
    for (let round = 0; round < 3; round++) {
      expect(await replayOutbox(shop.shop, marks, ['settlement.books'])).toBeGreaterThanOrEqual(4);
      expect(await statement()).toEqual(reconciled);
      expect(await brandDayOf()).toEqual(brandDay);
    }

    const customer = await given.customer();
    expect(
      (await shop.call(statements, { from: date, to: date }, customer.token)).errors?.[0]
        ?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      (await shop.call(brandStatements, { from: date, to: date }, customer.token)).errors?.[0]
        ?.extensions?.code,
    ).toBe('FORBIDDEN');
  });

  const deliveredOrder = (skuIds: string[], points = 0) =>
    deliverOrder(shop, given, skuIds, points);

  async function shirtSizes(): Promise<{ m: string; l: string; brandId: string }> {
    const brandId = await given.brand(`반품 브랜드 ${randomUUID().slice(0, 6)}`);
    const category = await shop.call(
      createCategory,
      { input: { name: '반품', slug: `returns-${randomUUID().slice(0, 8)}` } },
      shop.adminToken,
    );
    const product = await shop.call(
      createProduct,
      {
        input: {
          name: `반품 테스트 셔츠 ${randomUUID().slice(0, 6)}`,
          categoryId: category.data!.createCategory.id,
          brandId,
          status: 'ACTIVE',
          basePrice: 29_000,
          initialStock: 5,
          optionGroups: [{ name: '사이즈', values: ['M', 'L'] }],
        },
      },
      shop.adminToken,
    );
    const [m, l] = product.data!.createProduct.skus as { id: string }[];
    return { m: m!.id, l: l!.id, brandId };
  }

  const onHand = async (skuId: string) =>
    (await shop.call(skuStock, { id: skuId }, shop.adminToken)).data!.sku.onHand as number;

  it('returns one of two lines: refunds exactly its paid amount and restocks it; an exchange ships the other SKU', async () => {
    const shirt = await shirtSizes();
    const other = await given.skuOnSale(17_000, 5);
    const { buyer, order, lines } = await deliveredOrder([shirt.m, other]);
    const returned = lines.find((line) => line.sku.id === shirt.m)!;
    const requested = (
      await shop.call(
        requestReturn,
        {
          input: {
            orderId: order.id,
            type: 'RETURN',
            reason: 'DEFECTIVE',
            lines: [{ orderLineId: returned.id, quantity: 1 }],
          },
        },
        buyer.token,
      )
    ).data!.requestReturn;
    expect(requested, JSON.stringify(requested)).toMatchObject({
      __typename: 'Return',
      status: 'REQUESTED',
    });
    expect(
      (await shop.call(returnStep('approveReturn'), { id: requested.id }, shop.adminToken)).data!
        .approveReturn,
    ).toMatchObject({
      status: 'COLLECTING',
    });
    const stockBefore = await onHand(shirt.m);
    const refunded = (
      await shop.call(returnStep('receiveReturn'), { id: requested.id }, shop.adminToken)
    ).data!.receiveReturn;
    expect(refunded).toMatchObject({ status: 'REFUNDED', refundedAmount: returned.paidAmount });
    await waitFor(
      'the returned unit back on the shelf',
      async () => (await onHand(shirt.m)) === stockBefore + 1,
    );
    const after = (await shop.call(orderLines, { id: order.id }, buyer.token)).data!.order;
    expect(after.payment).toEqual({
      amount: order.totalAmount,
      cancelledAmount: returned.paidAmount,
    });
    // Settlement states the refund against the returned line's brand, not the other line's.
    const date = today();
    await waitFor('the refund stated against the shirt brand', async () => {
      const brands = (await shop.call(brandStatements, { from: date, to: date }, shop.adminToken))
        .data!.brandStatements as { brand: { id: string } | null; refunds: number }[];
      return brands.find((b) => b.brand?.id === shirt.brandId)?.refunds === returned.paidAmount;
    });
    // The same line cannot come back twice.
    const again = (
      await shop.call(
        requestReturn,
        {
          input: {
            orderId: order.id,
            type: 'RETURN',
            reason: 'DEFECTIVE',
            lines: [{ orderLineId: returned.id, quantity: 1 }],
          },
        },
        buyer.token,
      )
    ).data!.requestReturn;
    expect(again.__typename).toBe('InvalidInput');

    const exchange = await deliveredOrder([shirt.m]);
    const [sizeM, sizeL] = [await onHand(shirt.m), await onHand(shirt.l)];
    const swap = (
      await shop.call(
        requestReturn,
        {
          input: {
            orderId: exchange.order.id,
            type: 'EXCHANGE',
            reason: 'CHANGED_MIND',
            lines: [{ orderLineId: exchange.lines[0]!.id, quantity: 1, exchangeSkuId: shirt.l }],
          },
        },
        exchange.buyer.token,
      )
    ).data!.requestReturn;
    await shop.call(returnStep('approveReturn'), { id: swap.id }, shop.adminToken);
    const reshipped = (
      await shop.call(returnStep('receiveReturn'), { id: swap.id }, shop.adminToken)
    ).data!.receiveReturn;
    expect(reshipped).toMatchObject({ status: 'RESHIPPED', refundedAmount: 0 });
    expect(reshipped.reshipTrackingNumber).toBeTruthy();
    await waitFor(
      'the exchanged unit back on the shelf',
      async () => (await onHand(shirt.m)) === sizeM + 1,
    );
    expect(await onHand(shirt.l)).toBe(sizeL - 1);
    expect(
      (await shop.call(orderLines, { id: exchange.order.id }, exchange.buyer.token)).data!.order
        .payment.cancelledAmount,
    ).toBe(0);
  });

  it('lets one of 10 racing requests return the same unit, and a rejection frees it again', async () => {
    const sku = await given.skuOnSale(13_000, 5);
    const { buyer, order, lines } = await deliveredOrder([sku]);
    const ask = () =>
      shop.call(
        requestReturn,
        {
          input: {
            orderId: order.id,
            type: 'RETURN',
            reason: 'DEFECTIVE',
            lines: [{ orderLineId: lines[0]!.id, quantity: 1 }],
          },
        },
        buyer.token,
      );
    const answers = (await Promise.all(Array.from({ length: 10 }, ask))).map(
      (answer) => answer.data!.requestReturn,
    );
    const accepted = answers.filter((answer) => answer.__typename === 'Return');
    expect(accepted).toHaveLength(1);
    expect(answers.filter((answer) => answer.__typename === 'InvalidInput')).toHaveLength(9);
    expect(
      (await shop.call(returnStep('rejectReturn'), { id: accepted[0].id }, shop.adminToken)).data!
        .rejectReturn.status,
    ).toBe('REJECTED');
    expect((await ask()).data!.requestReturn.__typename).toBe('Return');
  });

  it('refunds a return once under 20 concurrent receipts; refunds never exceed what was paid', async () => {
    const sku = await given.skuOnSale(24_000, 5);
    const { buyer, order, lines } = await deliveredOrder([sku], 1_000);
    const requested = (
      await shop.call(
        requestReturn,
        {
          input: {
            orderId: order.id,
            type: 'RETURN',
            reason: 'CHANGED_MIND',
            lines: [{ orderLineId: lines[0]!.id, quantity: 1 }],
          },
        },
        buyer.token,
      )
    ).data!.requestReturn;
    await shop.call(returnStep('approveReturn'), { id: requested.id }, shop.adminToken);
    const receipts = await Promise.all(
      Array.from({ length: 20 }, () =>
        shop.call(returnStep('receiveReturn'), { id: requested.id }, shop.adminToken),
      ),
    );
    const refunds = receipts.map((receipt) => receipt.data!.receiveReturn);
    const expected = lines[0]!.paidAmount - 3_000; // changed their mind: the return trip is theirs
    expect(
      refunds.every((refund) => refund.status === 'REFUNDED' && refund.refundedAmount === expected),
    ).toBe(true);
    const payment = (await shop.call(orderLines, { id: order.id }, buyer.token)).data!.order
      .payment;
    expect(payment.cancelledAmount).toBe(expected);
    expect(payment.cancelledAmount).toBeLessThanOrEqual(payment.amount);
    // The 1,000 points the line was paid with come back as points, once.
    const me = await waitFor('the points back', async () => {
      const account = (await shop.call(points, {}, buyer.token)).data!.me;
      return account.pointsBalance === 1_000 && account;
    });
    expect(
      me.pointsHistory.filter((entry: { reason: string }) => entry.reason === 'ORDER_REFUND'),
    ).toHaveLength(1);
  });

  it('finishes returns whose process died midway: one APPROVED without a pickup, one RECEIVED before its refund', async () => {
    const pickedUp = await given.skuOnSale(21_000, 5);
    const received = await given.skuOnSale(23_000, 5);
    const { buyer, order, lines } = await deliveredOrder([pickedUp, received]);
    const ask = async (line: { id: string }) =>
      (await shop.call(requestReturn, oneUnitReturn(order.id, line.id), buyer.token)).data!
        .requestReturn as { id: string };
    const lineOf = (skuId: string) => lines.find((line) => line.sku.id === skuId)!;
    const approving = await ask(lineOf(pickedUp));
    const receiving = await ask(lineOf(received));
    await shop.call(returnStep('approveReturn'), { id: receiving.id }, shop.adminToken);
    const stockBefore = await onHand(received);

    // What return leaves when it dies right after a step: the status moved with its event, the
    // rest not done.
    const returns = shop.shop.services.get('return')!.orm.em.fork();
    const leftAt = new Date(Date.now() - 60_000);
    await returns.nativeUpdate(
      ReturnRecord,
      { id: approving.id },
      { status: 'APPROVED', updatedAt: leftAt },
    );
    await returns.transactional(async (tx) => {
      await tx.nativeUpdate(
        ReturnRecord,
        { id: receiving.id },
        { status: 'RECEIVED', updatedAt: leftAt },
      );
      await new ReturnEvents(new Outbox('return')).received(
        tx,
        await tx.findOneOrFail(ReturnRecord, { id: receiving.id }),
      );
    });

    const finished = await waitFor('recovery to finish both returns', async () => {
      const current = (await shop.call(orderLines, { id: order.id }, buyer.token)).data!.order;
      const byId = (id: string) =>
        (current.returns as { id: string; status: string; refundedAmount: number }[]).find(
          (ret) => ret.id === id,
        )!;
      return byId(approving.id).status === 'COLLECTING' && byId(receiving.id).status === 'REFUNDED'
        ? { current, refunded: byId(receiving.id) }
        : undefined;
    });
    const paid = lineOf(received).paidAmount;
    expect(finished.refunded.refundedAmount).toBe(paid);
    expect(finished.current.payment).toEqual({ amount: order.totalAmount, cancelledAmount: paid });
    await waitFor(
      'the returned unit back on the shelf',
      async () => (await onHand(received)) === stockBefore + 1,
    );
  });
});
