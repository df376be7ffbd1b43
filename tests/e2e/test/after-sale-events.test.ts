import { afterAll, beforeAll, expect, it } from 'vitest';
import { Outbox } from '@shop/kit/events';
import { waitFor } from '@shop/testkit';
import {
  deliveredOrder,
  oneUnitReturn,
  requestReturn,
  returnOneUnit,
  returnStep,
} from '../src/after-sale-operations.js';
import { checkoutFixtures } from '../src/checkout-fixtures.js';
import { skuStock } from '../src/checkout-operations.js';
import { outboxMarks, replayOutbox } from '../src/outbox-replay.js';
import { startShop, type ShopUnderTest } from '../src/shop-under-test.js';
import { OrderEvents } from '../../../subgraphs/order/src/services/order-events.js';
import { OrderFulfilment } from '../../../subgraphs/order/src/services/order-fulfilment.js';
import { describeOnEachShop } from '../src/shop-runs.js';

const orderView = `query OrderAfterSale($id: ID!) {
  order(id: $id) {
    status totalAmount refundedAmount openReturns canConfirmPurchase
    lines { id quantity paidAmount returnedQuantity refundedAmount returnableQuantity }
    payment { amount cancelledAmount }
  }
}`;
const account = `{ me { pointsBalance lifetimeSpend grade pointsHistory(first: 50) { delta reason reference } } }`;
const confirmPurchase = `mutation Confirm($id: ID!) {
  confirmPurchase(id: $id) {
    __typename ... on Order { status }
    ... on ReturnOpen { openReturns }
    ... on OrderNotDelivered { status }
    ... on ErrorResult { errorCode }
  }
}`;

const setCommission = `mutation Commission($brandId: ID!, $rate: Int!) {
  setBrandCommission(brandId: $brandId, rateBasisPoints: $rate) {
    __typename ... on BrandCommission { rateBasisPoints } ... on ErrorResult { errorCode }
  }
}`;
const payouts = `query Payouts($from: String!, $to: String!) {
  brandPayouts(from: $from, to: $to) {
    periodStart periodEnd brand { id } confirmedSales refundsAfterConfirmation commission payout
  }
}`;
const payoutSummary = `query Summary($from: String!, $to: String!) {
  payoutSummary(from: $from, to: $to) {
    pgPayments pgRefunds payouts commission ownProducts notYetConfirmed shopOwn
  }
}`;
const openReturns = `{
  adminReturns(status: [REQUESTED, APPROVED, COLLECTING, RECEIVED], first: 50) {
    nodes { id status order { id status } }
  }
}`;
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date());

interface PayoutRow {
  brand: { id: string };
  confirmedSales: number;
  refundsAfterConfirmation: number;
  commission: number;
  payout: number;
}

interface PointsLine {
  delta: number;
  reason: string;
  reference: string;
}

describeOnEachShop('after-sale follow-ups by events', ({ env }) => {
  let shop: ShopUnderTest;
  let given: ReturnType<typeof checkoutFixtures>;
  let marks: Record<string, number>;

  beforeAll(async () => {
    shop = await startShop(env);
    given = checkoutFixtures(shop);
    marks = await outboxMarks(shop.shop, ['return', 'order', 'payment']);
  });

  afterAll(async () => {
    await shop?.stop();
  });

  const orderOf = async (id: string, token: string) =>
    (await shop.call(orderView, { id }, token)).data!.order;
  const accountOf = async (token: string) => (await shop.call(account, {}, token)).data!.me;
  const confirm = async (id: string, token: string) =>
    (await shop.call(confirmPurchase, { id }, token)).data!.confirmPurchase;
  const onHand = async (skuId: string) =>
    (await shop.call(skuStock, { id: skuId }, shop.adminToken)).data!.sku.onHand as number;

  const payoutOf = async (brandId: string, date: string) =>
    (
      (await shop.call(payouts, { from: date, to: date }, shop.adminToken)).data!
        .brandPayouts as PayoutRow[]
    ).find((row) => row.brand.id === brandId);

  /** Two lines, ₩200,000 and ₩150,000: SILVER when both are kept, BASIC with one. */
  async function twoLineOrder(brandId?: string) {
    const kept = await given.skuOnSale(200_000, 5, brandId);
    const returned = await given.skuOnSale(150_000, 5, brandId);
    const delivered = await deliveredOrder(shop, given, [kept, returned]);
    const lineOf = (skuId: string) => delivered.lines.find((line) => line.sku.id === skuId)!;
    return { ...delivered, kept: lineOf(kept), returned: lineOf(returned), returnedSku: returned };
  }

  it('confirmed, then one of two lines returned as defective: the reward, spend and grade are those of the kept line; the order shows the return', async () => {
    const { buyer, order, kept, returned, returnedSku } = await twoLineOrder();
    expect(order.totalAmount).toBe(350_000);
    expect(await confirm(order.id, buyer.token)).toMatchObject({ status: 'COMPLETED' });
    await waitFor('the reward of the whole purchase', async () => {
      const me = await accountOf(buyer.token);
      return me.pointsBalance === 3_500 && me.grade === 'SILVER';
    });
    const stockBefore = await onHand(returnedSku);

    const refund = await returnOneUnit(shop, buyer.token, order.id, returned.id);
    expect(refund).toMatchObject({ status: 'REFUNDED', refundedAmount: returned.paidAmount });

    const me = await waitFor('the reward and the grade of what was kept', async () => {
      const current = await accountOf(buyer.token);
      return current.pointsBalance === Math.floor(kept.paidAmount / 100) && current;
    });
    expect(me).toMatchObject({ lifetimeSpend: kept.paidAmount, grade: 'BASIC' });
    const rewards = (me.pointsHistory as PointsLine[]).filter((line) =>
      ['ORDER_REWARD', 'REWARD_REVOKED'].includes(line.reason),
    );
    expect(
      rewards.map(({ delta, reason }) => ({ delta, reason })).sort((a, b) => a.delta - b.delta),
    ).toEqual([
      { delta: -1_500, reason: 'REWARD_REVOKED' },
      { delta: 3_500, reason: 'ORDER_REWARD' },
    ]);

    const after = await waitFor('the order to show the returned line', async () => {
      const current = await orderOf(order.id, buyer.token);
      return current.refundedAmount === returned.paidAmount && current;
    });
    expect(after).toMatchObject({
      status: 'COMPLETED',
      openReturns: 0,
      canConfirmPurchase: false,
      payment: { amount: 350_000, cancelledAmount: returned.paidAmount },
    });
    const lineView = (id: string) => after.lines.find((line: { id: string }) => line.id === id);
    expect(lineView(returned.id)).toMatchObject({
      returnedQuantity: 1,
      refundedAmount: returned.paidAmount,
      returnableQuantity: 0,
    });
    expect(lineView(kept.id)).toMatchObject({
      returnedQuantity: 0,
      refundedAmount: 0,
      returnableQuantity: 1,
    });
    await waitFor(
      'the returned unit back on the shelf',
      async () => (await onHand(returnedSku)) === stockBefore + 1,
    );
  });

  it('returned before confirming: the confirmation earns on what was kept; a wholly returned order cannot be confirmed', async () => {
    const { buyer, order, kept, returned } = await twoLineOrder();
    await returnOneUnit(shop, buyer.token, order.id, returned.id);
    await waitFor('PARTIALLY_RETURNED', async () => {
      const current = await orderOf(order.id, buyer.token);
      return current.status === 'PARTIALLY_RETURNED' && current.canConfirmPurchase;
    });
    expect(await confirm(order.id, buyer.token)).toMatchObject({ status: 'COMPLETED' });
    const me = await waitFor('the reward of the kept line', async () => {
      const current = await accountOf(buyer.token);
      return current.lifetimeSpend === kept.paidAmount && current;
    });
    expect(me).toMatchObject({ pointsBalance: Math.floor(kept.paidAmount / 100), grade: 'BASIC' });
    expect(
      (me.pointsHistory as PointsLine[]).filter((line) => line.reason === 'REWARD_REVOKED'),
    ).toEqual([]);

    const single = await deliveredOrder(shop, given, [await given.skuOnSale(12_000, 3)]);
    await returnOneUnit(shop, single.buyer.token, single.order.id, single.lines[0]!.id);
    await waitFor(
      'RETURNED',
      async () => (await orderOf(single.order.id, single.buyer.token)).status === 'RETURNED',
    );
    expect(await confirm(single.order.id, single.buyer.token)).toEqual({
      __typename: 'OrderNotDelivered',
      status: 'RETURNED',
      errorCode: 'ORDER_NOT_DELIVERED',
    });
    expect((await accountOf(single.buyer.token)).pointsBalance).toBe(0);
  });

  it('holds the confirmation, by hand and by the sweeper, while a return is open; after its rejection the purchase is confirmed', async () => {
    const { buyer, order, lines } = await deliveredOrder(shop, given, [
      await given.skuOnSale(31_000, 3),
    ]);
    const requested = (
      await shop.call(requestReturn, oneUnitReturn(order.id, lines[0]!.id), buyer.token)
    ).data!.requestReturn;
    await waitFor(
      'the order to hold the return',
      async () => (await orderOf(order.id, buyer.token)).openReturns === 1,
    );
    expect(await confirm(order.id, buyer.token)).toEqual({
      __typename: 'ReturnOpen',
      openReturns: 1,
      errorCode: 'RETURN_OPEN',
    });
    // The admin's list of open returns names it with its order; a customer may not list returns.
    const listed = (await shop.call(openReturns, {}, shop.adminToken)).data!.adminReturns.nodes;
    expect(listed).toContainEqual({
      id: requested.id,
      status: 'REQUESTED',
      order: { id: order.id, status: 'DELIVERED' },
    });
    expect((await shop.call(openReturns, {}, buyer.token)).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    // The sweeper's own step, with every delivered order due: the open return keeps this one.
    const orders = shop.shop.services.get('order')!.orm;
    const sweeper = new OrderFulfilment({
      outbox: new Outbox('order'),
      events: new OrderEvents(new Outbox('order')),
    });
    await sweeper.autoConfirmDue(orders.em, 0);
    expect(await orderOf(order.id, buyer.token)).toMatchObject({
      status: 'DELIVERED',
      canConfirmPurchase: false,
    });

    await shop.call(returnStep('rejectReturn'), { id: requested.id }, shop.adminToken);
    await waitFor(
      'the order to let the return go',
      async () => (await orderOf(order.id, buyer.token)).canConfirmPurchase === true,
    );
    expect(await confirm(order.id, buyer.token)).toMatchObject({ status: 'COMPLETED' });
    await waitFor(
      'the reward',
      async () =>
        (await accountOf(buyer.token)).pointsBalance === Math.floor(order.totalAmount / 100),
    );
  });

  it("pays each brand what its confirmed lines kept, less commission and a refund after confirmation; payouts + commission + unconfirmed = the PG's net", async () => {
    const brandA = await given.brand(`정산 A ${shop.runId}`);
    const brandB = await given.brand(`정산 B ${shop.runId}`);
    const rate = await shop.call(setCommission, { brandId: brandA, rate: 1_500 }, shop.adminToken);
    expect(rate.data!.setBrandCommission).toEqual({
      __typename: 'BrandCommission',
      rateBasisPoints: 1_500,
    });
    expect(
      (await shop.call(setCommission, { brandId: brandA, rate: 10_001 }, shop.adminToken)).data!
        .setBrandCommission.errorCode,
    ).toBe('INVALID_INPUT');
    // Over ₩50,000 each, so no shipping: every won is a brand's line.
    const coat = await given.skuOnSale(60_000, 5, brandA);
    const boots = await given.skuOnSale(70_000, 5, brandA);
    const bag = await given.skuOnSale(55_000, 5, brandB);
    const both = await deliveredOrder(shop, given, [coat, bag]);
    const single = await deliveredOrder(shop, given, [boots]);
    const unconfirmed = await deliveredOrder(shop, given, [bag]);
    for (const confirmed of [both, single])
      expect(await confirm(confirmed.order.id, confirmed.buyer.token)).toMatchObject({
        status: 'COMPLETED',
      });
    const bagLine = both.lines.find((line) => line.sku.id === bag)!;
    await returnOneUnit(shop, both.buyer.token, both.order.id, bagLine.id);

    const date = today();
    const mine = await waitFor('both brands stated, the refund netted', async () => {
      const [a, b] = [await payoutOf(brandA, date), await payoutOf(brandB, date)];
      return a && b?.refundsAfterConfirmation === 55_000 ? [a, b] : undefined;
    });
    expect(mine[0]).toMatchObject({
      confirmedSales: 130_000,
      refundsAfterConfirmation: 0,
      commission: 19_500,
      payout: 110_500,
    });
    // The bag's line kept nothing: no commission on it, nothing to pay.
    expect(mine[1]).toMatchObject({
      confirmedSales: 55_000,
      refundsAfterConfirmation: 55_000,
      commission: 0,
      payout: 0,
    });
    let pgNet = 0;
    for (const { order } of [both, single, unconfirmed])
      pgNet += (await given.pgPayment(order.id))!.balanceAmount;
    const brandsOwn = mine.reduce((sum, row) => sum + row.payout + row.commission, 0);
    expect(brandsOwn + unconfirmed.order.totalAmount).toBe(pgNet);
    // The same identity over every order of the day, once the shop's events have settled.
    await waitFor('the day to add up', async () => {
      const summary = (await shop.call(payoutSummary, { from: date, to: date }, shop.adminToken))
        .data!.payoutSummary;
      return (
        summary.payouts +
          summary.commission +
          summary.ownProducts +
          summary.notYetConfirmed +
          summary.shopOwn ===
        summary.pgPayments - summary.pgRefunds
      );
    });
  });

  it('replays every return and order event three times: orders, stock, points and books unchanged', async () => {
    const brandId = await given.brand(`재전송 ${shop.runId}`);
    const { buyer, order, returnedSku } = await twoLineOrder(brandId);
    await confirm(order.id, buyer.token);
    const date = today();
    const snapshot = async () => ({
      order: await orderOf(order.id, buyer.token),
      me: await accountOf(buyer.token),
      stock: await onHand(returnedSku),
      payout: await payoutOf(brandId, date),
    });
    const stockBefore = await onHand(returnedSku);
    const line = (await orderOf(order.id, buyer.token)).lines.find(
      (candidate: { paidAmount: number }) => candidate.paidAmount === 150_000,
    );
    await returnOneUnit(shop, buyer.token, order.id, line.id);
    const settled = await waitFor('every follow-up applied', async () => {
      const current = await snapshot();
      const applied =
        current.order.refundedAmount === 150_000 &&
        current.me.lifetimeSpend === 200_000 &&
        current.stock === stockBefore + 1 &&
        current.payout?.refundsAfterConfirmation === 150_000;
      return applied && current;
    });
    for (let round = 0; round < 3; round++) {
      await replayOutbox(shop.shop, { return: marks.return! }, [
        'order.return-events',
        'product.return-received',
        'user.return-refunded',
      ]);
      await replayOutbox(shop.shop, { order: marks.order! }, [
        'user.order-completed',
        'settlement.books',
      ]);
      await replayOutbox(shop.shop, { payment: marks.payment! }, ['settlement.books']);
      expect(await snapshot()).toEqual(settled);
    }
  });
});
