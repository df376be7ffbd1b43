/** What happens to an order after it was paid: shipping it, and returning what came. */
import { waitFor } from '@shop/testkit';
import type { checkoutFixtures } from './checkout-fixtures.js';
import type { ShopClient } from './shop-under-test.js';

export const shipOrder = `mutation Ship($orderId: ID!, $carrier: String!) {
  shipOrder(orderId: $orderId, carrier: $carrier) {
    __typename ... on Shipment { id status trackingNumber } ... on ErrorResult { errorCode }
  }
}`;

export const requestReturn = `mutation RequestReturn($input: RequestReturnInput!) {
  requestReturn(input: $input) { __typename ... on Return { id status } ... on ErrorResult { errorCode message } }
}`;

/** `requestReturn`'s variables for one unit of one order line. */
export const oneUnitReturn = (
  orderId: string,
  orderLineId: string,
  reason: 'DEFECTIVE' | 'CHANGED_MIND' = 'DEFECTIVE',
) => ({ input: { orderId, type: 'RETURN', reason, lines: [{ orderLineId, quantity: 1 }] } });

/** An admin's step of a return: approveReturn, receiveReturn, rejectReturn. */
export const returnStep = (name: string) => `mutation Step($id: ID!) {
  ${name}(id: $id) {
    __typename ... on Return { id status refundedAmount reshipTrackingNumber pickupTrackingNumber }
    ... on ErrorResult { errorCode message }
  }
}`;

const deliveryState = `query DeliveryState($id: ID!) {
  order(id: $id) { status shipments { status } lines { id quantity paidAmount sku { id } } }
}`;

export interface OrderLineSeen {
  id: string;
  quantity: number;
  paidAmount: number;
  sku: { id: string };
}

/**
 * A new customer's order of one unit of each SKU, paid, shipped and delivered by the carrier
 * sandbox, with the buyer's points spent on it if given.
 */
export async function deliveredOrder(
  shop: ShopClient,
  given: ReturnType<typeof checkoutFixtures>,
  skuIds: string[],
  points = 0,
): Promise<{
  buyer: { userId: string; token: string };
  order: { id: string; totalAmount: number };
  lines: OrderLineSeen[];
}> {
  const buyer = await given.customer(points);
  const lines = skuIds.map((skuId) => ({ skuId, quantity: 1 }));
  const order = (await given.order(buyer.token, { lines, pointsToUse: points })).data!.createOrder;
  const key = await given.authorize(order.id, order.totalAmount);
  await given.confirm(buyer.token, order.id, key, order.totalAmount);
  const state = async () =>
    (await shop.call(deliveryState, { id: order.id }, buyer.token)).data!.order;
  await waitFor('a shipment', async () => (await state()).shipments[0]?.status === 'READY');
  await shop.call(shipOrder, { orderId: order.id, carrier: 'CJ대한통운' }, shop.adminToken);
  const delivered = await waitFor(
    'delivery',
    async () => {
      const current = await state();
      return current.status === 'DELIVERED' && current;
    },
    { timeoutMs: 20_000, intervalMs: 200 },
  );
  return { buyer, order, lines: delivered.lines };
}

/** Requests, approves and receives a return of one unit of a line: the refunded return. */
export async function returnOneUnit(
  shop: ShopClient,
  token: string,
  orderId: string,
  orderLineId: string,
  reason: 'DEFECTIVE' | 'CHANGED_MIND' = 'DEFECTIVE',
): Promise<{ id: string; status: string; refundedAmount: number }> {
  const requested = (
    await shop.call(requestReturn, oneUnitReturn(orderId, orderLineId, reason), token)
  ).data!.requestReturn;
  if (requested.__typename !== 'Return') throw new Error(JSON.stringify(requested));
  await shop.call(returnStep('approveReturn'), { id: requested.id }, shop.adminToken);
  return (await shop.call(returnStep('receiveReturn'), { id: requested.id }, shop.adminToken)).data!
    .receiveReturn;
}
