/** A paid order cancelled by its buyer and shipped by an admin at the same moment. */
import { expect } from 'vitest';
import { waitFor } from '@shop/testkit';
import { shipOrder } from './after-sale-operations.js';
import type { checkoutFixtures } from './checkout-fixtures.js';
import { cancelOrder, skuStock } from './checkout-operations.js';
import type { ShopClient } from './shop-under-test.js';

const afterRace = `query AfterRace($id: ID!) {
  order(id: $id) {
    status refundedAmount
    payment { amount cancelledAmount }
    shipments { status trackingNumber }
  }
}`;

/** What became of an order both cancelled and shipped at once. */
export type RaceWinner = 'cancel' | 'ship';

/**
 * `orders` paid orders of one unit each, every one cancelled and shipped at once; waits for each to
 * come to rest and checks it was one or the other, never both: cancelled, refunded in full and
 * given to no carrier, or shipped and not refunded. The SKU's stock counts only what shipped.
 */
export async function cancelAndShipAtOnce(
  shop: ShopClient,
  given: ReturnType<typeof checkoutFixtures>,
  orders: number,
): Promise<RaceWinner[]> {
  const stock = orders + 2;
  const skuId = await given.skuOnSale(10_000, stock);
  const buyer = await given.customer();
  const paid: { id: string; amount: number }[] = [];
  for (let n = 0; n < orders; n++) {
    const placed = (await given.order(buyer.token, { lines: [{ skuId, quantity: 1 }] })).data!
      .createOrder as { id: string; totalAmount: number };
    const key = await given.authorize(placed.id, placed.totalAmount);
    await given.confirm(buyer.token, placed.id, key, placed.totalAmount);
    paid.push({ id: placed.id, amount: placed.totalAmount });
  }
  for (const { id } of paid)
    await waitFor('the shipment opened from OrderPaid', async () => {
      const order = (await shop.call(afterRace, { id }, buyer.token)).data?.order;
      return order?.shipments?.[0]?.status === 'READY';
    });

  const winners = await Promise.all(
    paid.map(async ({ id, amount }) => {
      const [cancelled, shipped] = await Promise.all([
        shop.call(cancelOrder, { id }, buyer.token),
        shop.call(shipOrder, { orderId: id, carrier: 'CJ대한통운' }, shop.adminToken),
      ]);
      const cancel = cancelled.data?.cancelOrder as { __typename: string; errorCode?: string };
      const ship = shipped.data?.shipOrder as { __typename: string; errorCode?: string };
      const winner: RaceWinner = cancel.__typename === 'Order' ? 'cancel' : 'ship';
      if (winner === 'cancel') {
        expect(ship).toMatchObject({ errorCode: 'SHIPMENT_NOT_READY' });
        await waitFor('the cancelled order to rest', async () => {
          const order = (await shop.call(afterRace, { id }, buyer.token)).data?.order;
          return order?.status === 'CANCELLED' && order.shipments[0]?.status === 'CANCELLED';
        });
        const order = (await shop.call(afterRace, { id }, buyer.token)).data!.order;
        expect(order).toMatchObject({
          refundedAmount: amount,
          payment: { amount, cancelledAmount: amount },
          shipments: [{ status: 'CANCELLED', trackingNumber: null }],
        });
      } else {
        expect(cancel).toMatchObject({ errorCode: 'ORDER_NOT_CANCELLABLE' });
        expect(ship.__typename).toBe('Shipment');
        await waitFor('the shipped order to rest', async () => {
          const order = (await shop.call(afterRace, { id }, buyer.token)).data?.order;
          return order?.status === 'SHIPPED';
        });
        const order = (await shop.call(afterRace, { id }, buyer.token)).data!.order;
        expect(order).toMatchObject({
          refundedAmount: 0,
          payment: { amount, cancelledAmount: 0 },
          shipments: [{ status: 'SHIPPED' }],
        });
      }
      return winner;
    }),
  );
  const shippedCount = winners.filter((winner) => winner === 'ship').length;
  await waitFor('the stock to count only what shipped', async () => {
    const sku = (await shop.call(skuStock, { id: skuId }, shop.adminToken)).data?.sku;
    return sku?.onHand === stock - shippedCount && sku.reserved === 0;
  });
  return winners;
}
