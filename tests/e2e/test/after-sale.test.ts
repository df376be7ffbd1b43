import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWebhook } from '@shop/carrier-sandbox';
import { probeInfra, waitFor } from '@shop/testkit';
import { checkoutFixtures } from '../src/checkout-fixtures.js';
import { carrierWebhookSecret, startShop, type ShopUnderTest } from '../src/shop-under-test.js';

const infra = await probeInfra(['mysql', 'kafka', 'redis', 'opensearch']);
const runs = [
  { name: 'embedded', env: {}, skip: false },
  { name: 'real services', env: { SHOP_INFRA: 'real' }, skip: !infra.ok },
];

const shipOrder = `mutation Ship($orderId: ID!, $carrier: String!) {
  shipOrder(orderId: $orderId, carrier: $carrier) {
    __typename ... on Shipment { id status trackingNumber } ... on ErrorResult { errorCode }
  }
}`;
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
const reconcile = `mutation Reconcile($date: String!) {
  reconcileSettlement(date: $date) {
    ourPayments pgPayments ourRefunds pgRefunds pgFees differences { orderId kind ours pg }
  }
}`;
const cancelOrder = `mutation Cancel($id: ID!) { cancelOrder(id: $id) { __typename ... on Order { status } } }`;
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date());

describe.each(runs)('after the sale through the router ($name)', ({ env, skip }) => {
  if (skip) {
    it.skip(`needs the real services: ${infra.reason}`, () => {});
    return;
  }
  let shop: ShopUnderTest;
  let given: ReturnType<typeof checkoutFixtures>;

  beforeAll(async () => {
    shop = await startShop(env);
    given = checkoutFixtures(shop);
  });

  afterAll(async () => {
    await shop?.stop();
  });

  /** A customer with a PAID order whose shipment is ready to go. */
  async function paidOrder(price: number) {
    const skuId = await given.skuOnSale(price, 5);
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
    await waitFor('the books to catch up', async () => {
      const first = await statement();
      await new Promise((resolve) => setTimeout(resolve, 500));
      const second = await statement();
      return first.payments === second.payments && first.refunds === second.refunds;
    });
    const before = await statement();

    const { order: kept } = await paidOrder(33_000);
    const { buyer, order: refunded } = await paidOrder(21_000);
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

    const customer = await given.customer();
    expect(
      (await shop.call(statements, { from: date, to: date }, customer.token)).errors?.[0]
        ?.extensions?.code,
    ).toBe('FORBIDDEN');
  });
});
