import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { incompleteAnswerCode } from '@shop/router';
import { waitFor } from '@shop/testkit';
import { oneUnitReturn, requestReturn, shipOrder } from '../src/after-sale-operations.js';
import { checkoutFixtures } from '../src/checkout-fixtures.js';
import { startEntityProbe, type EntityProbe } from '../src/entity-probe.js';
import { startShop, type ShopUnderTest } from '../src/shop-under-test.js';
import { describeOnEachShop } from '../src/shop-runs.js';

const tracking = `query Tracking($id: ID!) {
  order(id: $id) { status shipments { id status } }
}`;
const orderLines = `query Lines($id: ID!) { order(id: $id) { lines { id } } }`;

// The same selection whichever way a Payment, a Shipment or a Return is reached.
const paymentFields = 'id status amount cancelledAmount';
const shipmentFields = 'id status carrier trackingNumber timeline { status }';
const returnFields = 'id orderId status lines { orderLineId quantity }';

const byId = `query ById($payment: ID!, $shipment: ID!, $return: ID!) {
  payment(id: $payment) { ${paymentFields} }
  shipment(id: $shipment) { ${shipmentFields} }
  return(id: $return) { ${returnFields} }
}`;
const viaOrder = `query ViaOrder($id: ID!) {
  order(id: $id) {
    id
    payment { ${paymentFields} }
    shipments { ${shipmentFields} }
    returns { ${returnFields} }
  }
}`;
/** Through the probe router: the probe gives only ids; the rest comes by `_entities`. */
const byReference = `query ByReference($payment: ID!, $shipment: ID!, $return: ID!) {
  probePayment(id: $payment) { ${paymentFields} }
  probeShipment(id: $shipment) { ${shipmentFields} }
  probeReturn(id: $return) { ${returnFields} }
}`;
/** A list: one `_entities` call for all its payments (aliases would be one call each). */
const twoPayments = `query TwoPayments($ids: [ID!]!) { probePayments(ids: $ids) { id amount } }`;
/** What a client would send to read entities the way the router reads them from subgraphs. */
const clientEntities = `query ClientEntities($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Payment { id amount } }
}`;

interface Ids {
  orderId: string;
  /** What the order charged: the payment's amount. */
  amount: number;
  payment: string;
  shipment: string;
  return: string;
}

describeOnEachShop('payments, shipments and returns as entities', ({ env }) => {
  let shop: ShopUnderTest;
  let probe: EntityProbe;
  let owner: { userId: string; token: string };
  let stranger: { userId: string; token: string };
  let ids: Ids;
  /** The stranger's own payment, to mix with the owner's in one `_entities` call. */
  let strangersPayment: { id: string; amount: number };
  const vars = () => ({ payment: ids.payment, shipment: ids.shipment, return: ids.return });

  /** A new customer's PAID order; its shipment is open (READY). */
  async function paidOrder(given: ReturnType<typeof checkoutFixtures>, price: number) {
    const skuId = await given.skuOnSale(price, 5);
    const buyer = await given.customer();
    const order = (await given.order(buyer.token, { lines: [{ skuId, quantity: 1 }] })).data!
      .createOrder;
    const key = await given.authorize(order.id, order.totalAmount);
    const paid = (await given.confirm(buyer.token, order.id, key, order.totalAmount)).data!
      .confirmPayment;
    expect(paid, JSON.stringify(paid)).toMatchObject({ __typename: 'Payment' });
    const shipmentId = await waitFor('the shipment to be opened', async () => {
      const shipments = (await shop.call(tracking, { id: order.id }, buyer.token)).data?.order
        .shipments as { id: string; status: string }[];
      return shipments[0]?.status === 'READY' ? shipments[0].id : undefined;
    });
    return {
      buyer,
      orderId: order.id as string,
      amount: order.totalAmount as number,
      paymentId: paid.id as string,
      shipmentId,
    };
  }

  beforeAll(async () => {
    shop = await startShop(env);
    probe = await startEntityProbe(shop.shop.runtime);
    const given = checkoutFixtures(shop);
    // One delivered order with a payment, a shipment and a return; and another customer's order.
    const sold = await paidOrder(given, 19_000);
    owner = sold.buyer;
    await shop.call(shipOrder, { orderId: sold.orderId, carrier: 'CJ대한통운' }, shop.adminToken);
    await waitFor(
      'delivery',
      async () =>
        (await shop.call(tracking, { id: sold.orderId }, owner.token)).data?.order.status ===
        'DELIVERED',
      { timeoutMs: 20_000, intervalMs: 200 },
    );
    const [line] = (await shop.call(orderLines, { id: sold.orderId }, owner.token)).data!.order
      .lines as { id: string }[];
    const requested = (
      await shop.call(requestReturn, oneUnitReturn(sold.orderId, line!.id), owner.token)
    ).data!.requestReturn;
    expect(requested, JSON.stringify(requested)).toMatchObject({ __typename: 'Return' });
    ids = {
      orderId: sold.orderId,
      amount: sold.amount,
      payment: sold.paymentId,
      shipment: sold.shipmentId,
      return: requested.id,
    };
    const other = await paidOrder(given, 7_000);
    stranger = other.buyer;
    strangersPayment = { id: other.paymentId, amount: other.amount };
  }, 60_000);

  afterAll(async () => {
    await probe?.stop();
    await shop?.stop();
  });

  /** The three, as their owner (and an admin) must see them, whichever way they are reached. */
  function expectTheThree(found: { payment: unknown; shipment: unknown; return: unknown }) {
    expect(found.payment).toMatchObject({
      id: ids.payment,
      status: 'APPROVED',
      amount: ids.amount,
    });
    expect(found.shipment).toMatchObject({ id: ids.shipment, status: 'DELIVERED' });
    expect(found.return).toMatchObject({
      id: ids.return,
      orderId: ids.orderId,
      status: 'REQUESTED',
      lines: [expect.objectContaining({ quantity: 1 })],
    });
  }

  it('gives the owner and an admin their payment, shipment and return by id and through the order', async () => {
    for (const token of [owner.token, shop.adminToken]) {
      const direct = await shop.call(byId, vars(), token);
      expect(direct.errors).toBeUndefined();
      expectTheThree(direct.data as never);

      const through = await shop.call(viaOrder, { id: ids.orderId }, token);
      expect(through.errors).toBeUndefined();
      const order = through.data!.order;
      expectTheThree({
        payment: order.payment,
        shipment: order.shipments[0],
        return: order.returns[0],
      });
    }
  });

  it('answers another customer as if they did not exist, and asks an anonymous caller to sign in', async () => {
    // Like `order(id)`: a stranger learns nothing, not even that the id exists.
    const direct = await shop.call(byId, vars(), stranger.token);
    expect(direct.errors).toBeUndefined();
    expect(direct.data).toEqual({ payment: null, shipment: null, return: null });
    const unknown = await shop.call(
      byId,
      { payment: randomUUID(), shipment: randomUUID(), return: randomUUID() },
      owner.token,
    );
    expect(unknown).toMatchObject({ data: { payment: null, shipment: null, return: null } });
    expect(unknown.errors).toBeUndefined();

    const through = await shop.call(viaOrder, { id: ids.orderId }, stranger.token);
    expect(through.errors).toBeUndefined();
    expect(through.data).toEqual({ order: null });

    const anonymous = await shop.call(byId, vars());
    expect(anonymous.data).toEqual({ payment: null, shipment: null, return: null });
    expect(anonymous.errors?.map((error) => error.extensions?.code)).toEqual([
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
    ]);
  });

  it('plans a Payment, a Shipment and a Return known by id as `_entities` fetches from their subgraphs', async () => {
    probe.fetches.length = 0;
    const read = await probe.call(byReference, vars(), owner.token);
    expect(read.errors).toBeUndefined();
    expectTheThree({
      payment: read.data!.probePayment,
      shipment: read.data!.probeShipment,
      return: read.data!.probeReturn,
    });
    // One `_entities` fetch per owning subgraph, with the keys the probe gave.
    const sent = probe.fetches.map(({ subgraph, query, variables }) => ({
      subgraph,
      entities: query.includes('_entities(representations:'),
      representations: variables?.representations,
    }));
    expect(sent).toEqual(
      expect.arrayContaining([
        {
          subgraph: 'payment',
          entities: true,
          representations: [{ __typename: 'Payment', id: ids.payment }],
        },
        {
          subgraph: 'delivery',
          entities: true,
          representations: [{ __typename: 'Shipment', id: ids.shipment }],
        },
        {
          subgraph: 'return',
          entities: true,
          representations: [{ __typename: 'Return', id: ids.return }],
        },
      ]),
    );
    expect(sent).toHaveLength(3);

    const asAdmin = await probe.call(byReference, vars(), shop.adminToken);
    expect(asAdmin.errors).toBeUndefined();
    expectTheThree({
      payment: asAdmin.data!.probePayment,
      shipment: asAdmin.data!.probeShipment,
      return: asAdmin.data!.probeReturn,
    });
  });

  it('refuses another customer entities resolved by reference: FORBIDDEN, nothing of them in the answer', async () => {
    const refused = await probe.call(byReference, vars(), stranger.token);
    expect(refused.data).toEqual({ probePayment: null, probeShipment: null, probeReturn: null });
    const errors = refused.errors ?? [];
    expect(errors.length).toBeGreaterThan(0);
    expect(new Set(errors.map((error) => error.extensions?.code))).toEqual(new Set(['FORBIDDEN']));
    expect(new Set(errors.map((error) => error.message))).toEqual(
      new Set(['You are not allowed to do this.']),
    );
    // Each refusal comes from the owning subgraph, under the field the client asked for.
    const origins = new Set(
      errors.map((error) => `${error.path?.[0]} ${error.extensions?.serviceName}`),
    );
    expect(origins).toEqual(
      new Set(['probePayment payment', 'probeShipment delivery', 'probeReturn return']),
    );
    expect(JSON.stringify(refused)).not.toContain(String(ids.amount));

    // One `_entities` call with both customers' payments: the rule is checked per object.
    probe.fetches.length = 0;
    const mixed = await probe.call(
      twoPayments,
      { ids: [strangersPayment.id, ids.payment] },
      stranger.token,
    );
    expect(mixed.data).toEqual({ probePayments: [strangersPayment, null] });
    expect(mixed.errors?.map((error) => [error.path, error.extensions?.code])).toEqual([
      [['probePayments', 1, 'amount'], 'FORBIDDEN'],
    ]);
    const paymentFetches = probe.fetches.filter((fetch) => fetch.subgraph === 'payment');
    expect(paymentFetches).toHaveLength(1);
    expect(paymentFetches[0]!.variables?.representations).toHaveLength(2);

    // Unknown ids resolve to nothing, for the owner too; the router says the answer is
    // incomplete (their non-null fields have nothing behind them) rather than a bare null.
    const unknown = await probe.call(
      byReference,
      { payment: randomUUID(), shipment: randomUUID(), return: randomUUID() },
      owner.token,
    );
    expect(unknown.data).toEqual({ probePayment: null, probeShipment: null, probeReturn: null });
    expect(new Set(unknown.errors?.map((error) => error.extensions?.code))).toEqual(
      new Set([incompleteAnswerCode]),
    );
    expect(new Set(unknown.errors?.map((error) => error.path?.[0]))).toEqual(
      new Set(['probePayment', 'probeShipment', 'probeReturn']),
    );
  });

  it('does not let a client send `_entities` itself: the API schema has no such field', async () => {
    for (const token of [stranger.token, shop.adminToken]) {
      const sent = await shop.call(
        clientEntities,
        { representations: [{ __typename: 'Payment', id: ids.payment }] },
        token,
      );
      expect(sent.status).toBe(400);
      expect(sent.data).toBeUndefined();
      expect(sent.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(sent.errors?.map((error) => error.message).join('\n')).toContain(
        'Cannot query field "_entities" on type "Query".',
      );
    }
  });
});
