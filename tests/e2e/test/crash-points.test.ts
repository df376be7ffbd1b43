import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeInfra, waitFor } from '@shop/testkit';
import {
  oneUnitReturn,
  requestReturn,
  returnStep,
  shipOrder,
} from '../src/after-sale-operations.js';
import { expectBooksNet } from '../src/books.js';
import { expectStockConserved } from '../src/chaos-shop.js';
import { createProduct, searchProducts } from '../src/catalog-operations.js';
import { checkoutFixtures } from '../src/checkout-fixtures.js';
import { cancelOrder, orderDetail } from '../src/checkout-operations.js';
import { startShopProcesses, type ShopProcesses } from '../src/shop-processes.js';

const infra = await probeInfra(['mysql', 'kafka', 'redis', 'opensearch']);
const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Every `crashPoint('…')` in the services' code: a new one is armed here without a word. */
function crashPointsInCode(): string[] {
  const names = new Set<string>();
  const sources = readdirSync(path.join(root, 'subgraphs')).flatMap((subgraph) => {
    const src = path.join(root, 'subgraphs', subgraph, 'src');
    return readdirSync(src, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => readFileSync(path.join(src, file), 'utf8'));
  });
  for (const source of sources)
    for (const match of source.matchAll(/crashPoint\('([^']+)'\)/g)) names.add(match[1]!);
  return [...names].sort();
}

const afterSale = `query AfterSale($id: ID!) {
  order(id: $id) {
    status
    lines { id paidAmount sku { id } }
    payment { status amount cancelledAmount }
    shipments { status }
    returns { id status refundedAmount }
  }
}`;
/** A customer (or an admin) trying again every second, as people do when a page fails. */
const patiently = { timeoutMs: 120_000, intervalMs: 1_000 };

/**
 * Every named crash point in the code, armed once, on the services as production runs them (a
 * process each): one customer buys, cancels, buys again and returns, trying again whenever a
 * request fails, while the dying processes are started again and their recovery jobs finish what
 * they left. `pnpm chaos` does the same with replicas and bursts; this keeps every point in CI.
 */
describe.skipIf(!infra.ok)('every crash point, armed once (processes)', () => {
  const points = crashPointsInCode();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'shop-crash-points-'));
  const fired = (point: string) => existsSync(path.join(dataDir, 'crash-points', point));
  let shop: ShopProcesses;
  let given: ReturnType<typeof checkoutFixtures>;

  beforeAll(async () => {
    shop = await startShopProcesses({
      env: {
        SHOP_DATA_DIR: dataDir,
        SHOP_CRASH_POINTS: points.join(','),
        SHOP_ORDER_PLACING_TIMEOUT_SECONDS: '5',
        SHOP_ORDER_SWEEP_MS: '500',
        SHOP_PAYMENT_RECOVER_AFTER_MS: '3000',
        SHOP_PAYMENT_RECOVERY_SWEEP_MS: '500',
        SHOP_RETURN_RECOVER_AFTER_MS: '2000',
        SHOP_RETURN_RECOVERY_SWEEP_MS: '500',
      },
    });
    given = checkoutFixtures(shop);
    // Eleven processes starting at once on two cores.
  }, 240_000);
  afterAll(() => shop?.stop());

  async function placed(
    token: string,
    skuId: string,
  ): Promise<{ id: string; totalAmount: number }> {
    let idempotencyKey = randomUUID();
    return waitFor(
      'an order placed',
      async () => {
        const order = (
          await given.order(token, { lines: [{ skuId, quantity: 1 }], idempotencyKey })
        ).data?.createOrder;
        // Failed while being placed (its process died): the customer starts a new checkout.
        if (order?.status === 'FAILED') idempotencyKey = randomUUID();
        return order?.status === 'PENDING'
          ? (order as { id: string; totalAmount: number })
          : undefined;
      },
      patiently,
    );
  }

  async function paid(token: string, order: { id: string; totalAmount: number }) {
    const paymentKey = await given.authorize(order.id, order.totalAmount);
    await waitFor(
      'the payment approved',
      async () =>
        (await given.confirm(token, order.id, paymentKey, order.totalAmount)).data?.confirmPayment
          ?.status === 'APPROVED',
      patiently,
    );
    await waitFor(
      'the order paid',
      async () =>
        (await shop.call(orderDetail, { id: order.id }, token)).data?.order.status === 'PAID',
      patiently,
    );
  }

  const afterSaleOf = async (orderId: string, token: string) =>
    (await shop.call(afterSale, { id: orderId }, token)).data?.order;

  it(
    'dies at each, comes back, and leaves money, stock and books right',
    { timeout: 600_000 },
    async () => {
      expect(points).toEqual(
        expect.arrayContaining([
          'catalog.product.indexed',
          'order.place.recorded',
          'payment.confirm.charged',
          'payment.refund.sent',
          'return.receive.refunded',
        ]),
      );
      // catalog dies between indexing a new product and dropping the cached pages (its first
      // product change): the page cached before must still show the product once it is back.
      const name = `크래시 머그컵 ${shop.runId}`;
      const listedCount = async () =>
        (await shop.call(searchProducts, { search: { text: name }, first: 5 })).data?.products
          .totalCount as number | undefined;
      expect(await listedCount()).toBe(0);
      await shop.call(
        createProduct,
        { input: { name, status: 'ACTIVE', basePrice: 9_000 } },
        shop.adminToken,
      );
      await waitFor('the new product listed', async () => (await listedCount()) === 1, patiently);

      const skuId = await given.skuOnSale(19_000, 5);
      const buyer = await given.customer();

      // Placing (order dies twice), paying (payment dies three times), cancelling (three times
      // more: the sweeper finishes the cancellation claimed before the last).
      const cancelled = await placed(buyer.token, skuId);
      await paid(buyer.token, cancelled);
      await waitFor(
        'the paid order cancelled and refunded',
        async () =>
          (await shop.call(cancelOrder, { id: cancelled.id }, buyer.token)).data?.cancelOrder
            ?.status === 'CANCELLED',
        patiently,
      );

      // Returning (return dies at each step and its recovery finishes the return).
      const kept = await placed(buyer.token, skuId);
      await paid(buyer.token, kept);
      await waitFor(
        'a shipment',
        async () => (await afterSaleOf(kept.id, buyer.token))?.shipments[0]?.status === 'READY',
        patiently,
      );
      // Delivery dies once it has claimed the order; the admin ships it again.
      await waitFor(
        'the order shipped',
        async () =>
          (await shop.call(shipOrder, { orderId: kept.id, carrier: 'CJ대한통운' }, shop.adminToken))
            .data?.shipOrder?.__typename === 'Shipment',
        patiently,
      );
      const delivered = await waitFor(
        'delivery',
        async () => {
          const order = await afterSaleOf(kept.id, buyer.token);
          return order?.status === 'DELIVERED' && order;
        },
        patiently,
      );
      const line = delivered.lines[0] as { id: string; paidAmount: number };
      const asked = (await shop.call(requestReturn, oneUnitReturn(kept.id, line.id), buyer.token))
        .data!.requestReturn as { id: string };
      const returnNow = async () =>
        (
          (await afterSaleOf(kept.id, buyer.token))?.returns as { id: string; status: string }[]
        )?.find((ret) => ret.id === asked.id);
      await shop.call(returnStep('approveReturn'), { id: asked.id }, shop.adminToken);
      await waitFor(
        'the pickup booked',
        async () => (await returnNow())?.status === 'COLLECTING',
        patiently,
      );
      await shop.call(returnStep('receiveReturn'), { id: asked.id }, shop.adminToken);
      await waitFor(
        'the return refunded',
        async () => (await returnNow())?.status === 'REFUNDED',
        patiently,
      );

      for (const point of points) expect(fired(point), `${point} fired`).toBe(true);

      // Money: the cancelled order refunded in full, the returned line once; the PG agrees.
      const refundedOrder = await afterSaleOf(cancelled.id, buyer.token);
      expect(refundedOrder).toMatchObject({
        status: 'CANCELLED',
        payment: { status: 'CANCELLED', cancelledAmount: cancelled.totalAmount },
      });
      expect(await given.pgPayment(cancelled.id)).toMatchObject({
        status: 'CANCELED',
        balanceAmount: 0,
      });
      expect((await afterSaleOf(kept.id, buyer.token))?.payment).toEqual({
        status: 'PARTIALLY_CANCELLED',
        amount: kept.totalAmount,
        cancelledAmount: line.paidAmount,
      });
      expect(await given.pgPayment(kept.id)).toMatchObject({
        balanceAmount: kept.totalAmount - line.paidAmount,
      });
      // Stock: both units came back (one cancelled, one returned); every movement accounted for.
      await expectStockConserved(shop, [skuId], 5, 0);
      await expectBooksNet(shop, [cancelled.id, kept.id]);
    },
  );
});
