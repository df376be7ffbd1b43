import { waitFor } from '@shop/testkit';
import type { ShopClient } from './shop-under-test.js';

const reconcile = `mutation Reconcile($date: String!) {
  reconcileSettlement(date: $date) { differences { orderId kind ours pg } }
}`;

/** The Korean business day the books are kept by. */
export const today = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date());

/**
 * Waits until the day's books net to the PG for these orders: `reconcileSettlement` lists no
 * difference for any of them, once settlement has heard every event.
 */
export async function expectBooksNet(shop: ShopClient, orderIds: Iterable<string>): Promise<void> {
  const ids = new Set(orderIds);
  await waitFor(
    'the day to reconcile with the PG for these orders',
    async () => {
      const result = await shop.call(reconcile, { date: today() }, shop.adminToken);
      const differences = result.data?.reconcileSettlement.differences as
        { orderId: string }[] | undefined;
      return differences?.every((difference) => !ids.has(difference.orderId));
    },
    { timeoutMs: 120_000, intervalMs: 500 },
  );
}
