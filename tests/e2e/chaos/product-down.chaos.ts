import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricSum, probeInfra, waitFor } from '@shop/testkit';
import { expectBooksNet } from '../src/books.js';
import { checkoutFixtures } from '../src/checkout-fixtures.js';
import { orderDetail, skuStock } from '../src/checkout-operations.js';
import { reportFigure } from '../src/figures.js';
import { expectStockConserved, startChaosShop } from '../src/chaos-shop.js';
import type { ShopProcesses } from '../src/shop-processes.js';

const infra = await probeInfra(['mysql', 'kafka', 'redis', 'opensearch']);

/** Reservations last this long; product stays out of reach until they have all lapsed. */
const reservationSeconds = 20;

interface Sale {
  id: string;
  token: string;
  skuId: string;
  totalAmount: number;
  wave: 1 | 2;
}

describe.skipIf(!infra.ok)('product frozen past the stock deadline (processes, replicas)', () => {
  let shop: ShopProcesses;
  let given: ReturnType<typeof checkoutFixtures>;
  /** Product instances frozen right now: thawed whatever happens, so the shop can stop. */
  let frozen: string[] = [];

  beforeAll(async () => {
    ({ shop } = await startChaosShop([], {
      SHOP_RESERVATION_TTL_SECONDS: String(reservationSeconds),
      // Calls between services give up sooner, so order's circuit to a frozen product opens
      // within the reservations' lifetime.
      SHOP_INTERNAL_TIMEOUT_MS: '3000',
      // Order's sweeper at its production pace: it retries a commit within seconds, not at once.
      SHOP_ORDER_SWEEP_MS: '5000',
    }));
    given = checkoutFixtures(shop);
  });
  afterAll(async () => {
    for (const id of frozen) shop.supervisor.kill(id, 'SIGCONT');
    await shop?.stop();
  });

  it('sells no unit twice: a paid order whose lapsed units were sold meanwhile is cancelled and refunded', async () => {
    const perSku = 5;
    const skus: string[] = [];
    for (let i = 0; i < 4; i++) skus.push(await given.skuOnSale(21_000 + 1_000 * i, perSku));
    const received = perSku * skus.length;
    const firstBuyers: { token: string }[] = [];
    for (let i = 0; i < received; i++) firstBuyers.push(await given.customer());
    const secondBuyers: { token: string }[] = [];
    for (let i = 0; i < 12; i++) secondBuyers.push(await given.customer());
    const sales: Sale[] = [];

    // First wave: every unit on the shelf is ordered and authorised at the PG's page, in two
    // groups, the second placed last.
    const first: (Sale & { paymentKey: string; placedAt: number })[] = [];
    const placeFirst = (buyers: { token: string }[], offset: number) =>
      Promise.all(
        buyers.map(async (buyer, i) => {
          const skuId = skus[(offset + i) % skus.length]!;
          const placed = (await given.order(buyer.token, { lines: [{ skuId, quantity: 1 }] })).data
            ?.createOrder;
          expect(placed?.__typename).toBe('Order');
          const placedAt = Date.now();
          const paymentKey = await given.authorize(placed.id, placed.totalAmount);
          const sale = {
            id: placed.id,
            token: buyer.token,
            skuId,
            totalAmount: placed.totalAmount,
          };
          first.push({ ...sale, wave: 1, paymentKey, placedAt });
          sales.push({ ...sale, wave: 1 });
        }),
      );
    const half = firstBuyers.length / 2;
    await placeFirst(firstBuyers.slice(0, half), 0);
    const groupA = [...first];
    await placeFirst(firstBuyers.slice(half), half);
    const groupB = first.filter((sale) => !groupA.includes(sale));

    // Product stops answering (both instances frozen), and every customer pays: the orders are
    // PAID, but their stock cannot be committed. The first group's commits wait, unanswered, in
    // product's sockets (a frozen process answers them when it wakes); once they have timed out
    // and order's circuit to product is open, the second group pays, and their commits are
    // refused at once: nothing of theirs reaches product before their reservations lapse.
    for (const instance of shop.instancesOf('product')) {
      shop.supervisor.kill(instance.id, 'SIGSTOP');
      frozen.push(instance.id);
    }
    const firstAnswers = new Map<string, number>();
    /** First answers that were errors rather than a payment or a typed failure. */
    const firstErrors: string[] = [];
    const firstOutcomes = new Map<string, number>();
    // A customer answered with an error tries again, as people do (and is told how it went).
    const pay = (group: typeof first) =>
      Promise.all(
        group.map(async (sale) => {
          let outcome = 'no answer';
          for (let attempt = 0; attempt < 20; attempt++) {
            const answer = await given.confirm(
              sale.token,
              sale.id,
              sale.paymentKey,
              sale.totalAmount,
            );
            const payment = answer.data?.confirmPayment;
            outcome =
              payment?.status ?? payment?.errorCode ?? answer.errors?.[0]?.message ?? 'no answer';
            if (attempt === 0) {
              firstAnswers.set(outcome, (firstAnswers.get(outcome) ?? 0) + 1);
              if (answer.errors) firstErrors.push(outcome);
            }
            if (!answer.errors && outcome !== 'IN_PROGRESS' && outcome !== 'ORDER_UNAVAILABLE')
              break;
            await sleep(1000);
          }
          firstOutcomes.set(outcome, (firstOutcomes.get(outcome) ?? 0) + 1);
        }),
      );
    const paidA = pay(groupA);
    await waitFor(
      "order's circuit to product to open in every order instance",
      async () => {
        for (const instance of shop.instancesOf('order')) {
          const metrics = await shop.metricsOf(instance);
          const state = metricSum(metrics, 'internal_http_circuit_state', {
            service: 'order',
            target: 'product',
          });
          if (state === 0) return false;
        }
        return true;
      },
      { timeoutMs: 15_000, intervalMs: 200 },
    );
    await Promise.all([paidA, pay(groupB)]);
    reportFigure(
      `product down: first wave ${first.length} orders paid with product frozen: first answers ${JSON.stringify(Object.fromEntries(firstAnswers))}, last ${JSON.stringify(Object.fromEntries(firstOutcomes))}`,
    );
    // Money taken while order waits on product is a payment made, not an error.
    expect(firstErrors).toEqual([]);
    expect(firstOutcomes.get('APPROVED')).toBe(first.length);

    // Product stays out of reach until every reservation's deadline has passed. The one wait on
    // the clock here: the deadline is the point.
    const lastPlaced = Math.max(...first.map((sale) => sale.placedAt));
    await sleep(Math.max(0, lastPlaced + (reservationSeconds + 5) * 1000 - Date.now()));
    for (const id of frozen) shop.supervisor.kill(id, 'SIGCONT');
    frozen = [];
    const thawedAt = performance.now();

    // At once a second wave of buyers tries for the same SKUs: product's sweeper lets the lapsed
    // reservations go while order's sweeper retries their commits, and whoever is first gets the
    // units. Buyers try again after an error or a sold-out answer, as people do.
    const secondOutcomes = new Map<string, number>();
    await Promise.all(
      secondBuyers.map(async (buyer, n) => {
        const skuId = skus[n % skus.length]!;
        let outcome = 'no answer';
        for (let attempt = 0; attempt < 10; attempt++) {
          const answer = await given.order(buyer.token, { lines: [{ skuId, quantity: 1 }] });
          const placed = answer.data?.createOrder;
          if (placed?.__typename !== 'Order') {
            outcome = placed?.__typename ?? answer.errors?.[0]?.message ?? 'no answer';
            await sleep(1000);
            continue;
          }
          sales.push({
            id: placed.id,
            token: buyer.token,
            skuId,
            totalAmount: placed.totalAmount,
            wave: 2,
          });
          const paymentKey = await given.authorize(placed.id, placed.totalAmount);
          for (let pay = 0; pay < 10; pay++) {
            const paid = await given.confirm(
              buyer.token,
              placed.id,
              paymentKey,
              placed.totalAmount,
            );
            const payment = paid.data?.confirmPayment;
            outcome =
              payment?.status ?? payment?.errorCode ?? paid.errors?.[0]?.message ?? 'no answer';
            if (!paid.errors && outcome !== 'IN_PROGRESS' && outcome !== 'ORDER_UNAVAILABLE') break;
            await sleep(1000);
          }
          break;
        }
        secondOutcomes.set(outcome, (secondOutcomes.get(outcome) ?? 0) + 1);
      }),
    );
    reportFigure(
      `product down: second wave ${secondBuyers.length} buyers: ${JSON.stringify(Object.fromEntries(secondOutcomes))}`,
    );

    // Everything settles: no order left placing or unpaid, every charge a PAID order or refunded
    // in full, and every PAID order's units committed (on hand = received − PAID, none reserved).
    let open = '';
    const settled = await waitFor(
      'every order to be settled and its stock committed or given back',
      async () => {
        const views = [];
        for (const sale of sales) {
          const answer = await shop.call(orderDetail, { id: sale.id }, sale.token);
          // A service still coming back answers in part: look again.
          if (answer.errors) {
            open = `${sale.id}: ${answer.errors[0]?.message}`;
            return undefined;
          }
          const mine = answer.data!.order;
          const pg = await given.pgPayment(sale.id);
          open = `${sale.id} (wave ${sale.wave}): ${mine.status} ${mine.cancelReason}, payment ${JSON.stringify(mine.payment)}, PG ${pg?.status}`;
          if (['PLACING', 'PENDING'].includes(mine.status)) return undefined;
          if (mine.payment?.status === 'READY') return undefined;
          if ((pg?.status === 'DONE') !== (mine.status === 'PAID')) return undefined;
          views.push({ sale, mine, pg });
        }
        for (const skuId of skus) {
          const sku = (await shop.call(skuStock, { id: skuId }, shop.adminToken)).data?.sku;
          const paid = views.filter(
            ({ sale, mine }) => sale.skuId === skuId && mine.status === 'PAID',
          ).length;
          open = `SKU ${skuId}: on hand ${sku?.onHand}, reserved ${sku?.reserved}, ${paid} paid`;
          if (sku?.reserved !== 0 || sku.onHand !== perSku - paid) return undefined;
        }
        return views;
      },
      { timeoutMs: 120_000, intervalMs: 500 },
    ).catch((error: Error) => {
      throw new Error(`${error.message}; still open: ${open}; log: ${shop.logFile}`);
    });
    const recoverySeconds = (performance.now() - thawedAt) / 1000;

    // Never oversold: what was paid for on each SKU is at most what it received.
    let paidUnits = 0;
    for (const skuId of skus) {
      const paid = settled.filter(
        ({ sale, mine }) => sale.skuId === skuId && mine.status === 'PAID',
      ).length;
      expect(paid, `units paid on ${skuId}`).toBeLessThanOrEqual(perSku);
      paidUnits += paid;
    }
    const onHand = await expectStockConserved(shop, skus, received, paidUnits);

    // Every charge is a PAID order or refunded in full; an order that lost its units is refunded.
    let committed = 0;
    let outOfStock = 0;
    let secondPaid = 0;
    let charged = 0;
    let refunded = 0;
    for (const { sale, mine, pg } of settled) {
      if (pg) charged += pg.totalAmount;
      if (mine.status === 'PAID') {
        if (sale.wave === 1) committed++;
        else secondPaid++;
        expect(mine.payment).toMatchObject({ status: 'APPROVED', amount: sale.totalAmount });
        expect(pg).toMatchObject({ status: 'DONE', balanceAmount: sale.totalAmount });
        continue;
      }
      // The first wave was all paid: each of its orders keeps its units or is refunded for them.
      if (sale.wave === 1) {
        expect(mine).toMatchObject({ status: 'CANCELLED', cancelReason: 'OUT_OF_STOCK' });
        outOfStock++;
      }
      if (pg) {
        refunded += pg.totalAmount;
        expect(mine).toMatchObject({ status: 'CANCELLED', refundedAmount: sale.totalAmount });
        expect(mine.payment).toMatchObject({
          status: 'CANCELLED',
          cancelledAmount: sale.totalAmount,
        });
        expect(pg).toMatchObject({ status: 'CANCELED', balanceAmount: 0 });
      }
    }
    let shortfall = 0;
    for (const instance of shop.instancesOf('product'))
      shortfall += metricSum(await shop.metricsOf(instance), 'shop_stock_shortfall_units_total');
    expect(shortfall).toBe(outOfStock);

    reportFigure(
      `product down: first wave ${committed} committed, ${outOfStock} cancelled OUT_OF_STOCK and refunded; second wave ${secondPaid} paid; settled ${recoverySeconds.toFixed(1)} s after product came back`,
    );
    reportFigure(
      `product down: ${shortfall} units short (shop_stock_shortfall_units_total); charged ₩${charged} = kept ₩${charged - refunded} (${paidUnits} PAID) + refunded ₩${refunded}; on hand ${onHand} = ${received} − ${paidUnits}`,
    );

    // The books net to the PG order by order, once settlement has heard every event.
    await expectBooksNet(
      shop,
      sales.map((sale) => sale.id),
    );
  });
});
