import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeInfra, waitFor } from '@shop/testkit';
import {
  deliveredOrder,
  oneUnitReturn,
  requestReturn,
  returnStep,
} from '../src/after-sale-operations.js';
import { cancelAndShipAtOnce } from '../src/cancel-or-ship.js';
import { checkoutFixtures } from '../src/checkout-fixtures.js';
import { firstComeSale } from '../src/first-come-sale.js';
import { reportFigure } from '../src/figures.js';
import { myAccount, orderDetail, skuStock } from '../src/checkout-operations.js';
import { startShopProcesses, type ShopProcesses } from '../src/shop-processes.js';
import { staffActions, type StaffActionRow } from '../src/staff-operations.js';
import { updateSku } from '../src/catalog-operations.js';

const infra = await probeInfra(['mysql', 'kafka', 'redis', 'opensearch']);

const shipments = `query Shipments($id: ID!) { order(id: $id) { id status shipments { status } } }`;
const restocks = `query Restocks($id: ID!) {
  sku(id: $id) { onHand stockMovements(first: 100) { kind quantity reference } }
}`;
const refundOf = `query Refund($id: ID!) { order(id: $id) { payment { amount cancelledAmount } } }`;

/** Resident memory of a process, from Linux's /proc. */
function rssMiB(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

describe.skipIf(!infra.ok)('every service in a process of its own (real services)', () => {
  let shop: ShopProcesses;
  let given: ReturnType<typeof checkoutFixtures>;

  beforeAll(async () => {
    shop = await startShopProcesses();
    given = checkoutFixtures(shop);
  });
  afterAll(() => shop?.supervisor.stop());

  it('starts each of the eleven services standalone (`pnpm service <name>`) and each answers /ready', () => {
    const instances = shop.supervisor.instances;
    expect(instances.map((instance) => instance.service).sort()).toEqual(
      [
        'auth',
        'catalog',
        'delivery',
        'order',
        'payment',
        'product',
        'promotion',
        'return',
        'router',
        'settlement',
        'user',
      ].sort(),
    );
    for (const instance of instances) expect(instance.startMs).toBeGreaterThan(0);
    const figures = instances.map((instance) => ({
      service: instance.id,
      'start (s)': Number(((instance.startMs ?? 0) / 1000).toFixed(1)),
      'RSS (MiB)': Math.round(rssMiB(instance.child?.pid)),
    }));
    for (const row of figures)
      reportFigure(`${row.service}: ready in ${row['start (s)']} s, RSS ${row['RSS (MiB)']} MiB`);
    reportFigure(
      `total RSS ${Math.round(figures.reduce((sum, row) => sum + row['RSS (MiB)'], 0))} MiB`,
    );
  });

  it('buys through the router: order, payment, stock, points and the shipment across processes', async () => {
    const skuId = await given.skuOnSale(25_000, 4);
    const buyer = await given.customer(1_000);
    const placed = (
      await given.order(buyer.token, { lines: [{ skuId, quantity: 2 }], pointsToUse: 1_000 })
    ).data!.createOrder;
    expect(placed).toMatchObject({ __typename: 'Order', status: 'PENDING', totalAmount: 49_000 });

    const paymentKey = await given.authorize(placed.id, placed.totalAmount);
    const paid = (await given.confirm(buyer.token, placed.id, paymentKey, placed.totalAmount)).data!
      .confirmPayment;
    expect(paid).toMatchObject({ __typename: 'Payment', status: 'APPROVED', amount: 49_000 });

    const order = (await shop.call(orderDetail, { id: placed.id }, buyer.token)).data!.order;
    expect(order).toMatchObject({
      status: 'PAID',
      payment: { status: 'APPROVED', amount: 49_000 },
    });
    const sku = (await shop.call(skuStock, { id: skuId }, shop.adminToken)).data!.sku;
    expect(sku).toMatchObject({ onHand: 2, reserved: 0 });
    expect((await shop.call(myAccount, {}, buyer.token)).data!.me.pointsBalance).toBe(0);
    // Delivery hears of the payment through Kafka, in another process.
    await waitFor('the shipment opened from OrderPaid', async () => {
      const found = (await shop.call(shipments, { id: placed.id }, buyer.token)).data?.order;
      return found?.shipments?.length === 1 && found.shipments[0].status === 'READY';
    });
  });

  it('sells a first-come sale’s units once; the stock gate, in Redis, answers the late buyers across processes', async () => {
    await firstComeSale(shop, given);
  });

  it('ships or cancels each paid order asked both at once, never both, across processes', async () => {
    const winners = await cancelAndShipAtOnce(shop, given, 6);
    reportFigure(
      `cancel vs ship (processes): ${winners.filter((w) => w === 'cancel').length} cancelled, ` +
        `${winners.filter((w) => w === 'ship').length} shipped, none both`,
    );
  });

  it('refunds a return received while product is stopped, and restocks it once product is back', async () => {
    const skuId = await given.skuOnSale(18_000, 3);
    const { buyer, order, lines } = await deliveredOrder(shop, given, [skuId]);
    const requested = (
      await shop.call(requestReturn, oneUnitReturn(order.id, lines[0]!.id), buyer.token)
    ).data!.requestReturn;
    await shop.call(returnStep('approveReturn'), { id: requested.id }, shop.adminToken);
    const stock = async () =>
      (await shop.call(restocks, { id: skuId }, shop.adminToken)).data!.sku as {
        onHand: number;
        stockMovements: { kind: string; quantity: number; reference: string }[];
      };
    const before = await stock();

    const products = shop.instancesOf('product').map((instance) => instance.id);
    for (const id of products) shop.supervisor.kill(id, 'SIGSTOP');
    try {
      const received = (
        await shop.call(returnStep('receiveReturn'), { id: requested.id }, shop.adminToken)
      ).data!.receiveReturn;
      expect(received).toMatchObject({ status: 'REFUNDED', refundedAmount: lines[0]!.paidAmount });
      expect(
        (await shop.call(refundOf, { id: order.id }, buyer.token)).data!.order.payment,
      ).toEqual({ amount: order.totalAmount, cancelledAmount: lines[0]!.paidAmount });
    } finally {
      for (const id of products) shop.supervisor.kill(id, 'SIGCONT');
    }

    const after = await waitFor(
      'the restock once product is back',
      async () => {
        const current = await stock();
        return current.onHand === before.onHand + 1 ? current : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    const restocked = after.stockMovements.filter(
      (movement) => movement.kind === 'RESTOCKED' && movement.reference === requested.id,
    );
    expect(restocked.map((movement) => movement.quantity)).toEqual([1]);
    expect(after.stockMovements.reduce((sum, movement) => sum + movement.quantity, 0)).toBe(
      after.onHand,
    );
  });

  it('keeps each staff action in the owner’s audit log once, those made while auth was stopped too', async () => {
    const skuId = await given.skuOnSale(10_000, 1);
    const auths = shop.instancesOf('auth').map((instance) => instance.id);
    for (const id of auths) shop.supervisor.kill(id, 'SIGSTOP');
    try {
      const repriced = await shop.call(
        updateSku,
        { id: skuId, input: { price: 11_000 } },
        shop.adminToken,
      );
      expect(repriced.data?.updateSku).toMatchObject({ __typename: 'Sku', price: 11_000 });
    } finally {
      for (const id of auths) shop.supervisor.kill(id, 'SIGCONT');
    }
    const entries = await waitFor(
      'the repricing in the audit log',
      async () => {
        const answer = await shop.call(staffActions, { filter: { first: 200 } }, shop.adminToken);
        const rows = (answer.data?.staffActions ?? []) as StaffActionRow[];
        const found = rows.filter((row) => row.action === 'updateSku' && row.subjectId === skuId);
        return found.length > 0 ? found : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ service: 'product', outcome: 'OK' });
    expect(JSON.parse(entries[0]!.before!)).toMatchObject({ price: 10_000 });
    expect(JSON.parse(entries[0]!.after!)).toMatchObject({ price: 11_000 });
  });

  it('stops every process on SIGTERM within its deadline, each exiting 0, the router before the subgraphs are told', async () => {
    // What the supervisor does, in order: each signal it sends and each exit it sees.
    const steps: string[] = [];
    for (const { id, child } of shop.supervisor.instances) {
      const kill = child!.kill.bind(child);
      child!.kill = (signal) => (steps.push(`${String(signal)} ${id}`), kill(signal));
      child!.once('exit', () => steps.push(`exit ${id}`));
    }
    const started = performance.now();
    await shop.supervisor.stop();
    const seconds = (performance.now() - started) / 1000;
    reportFigure(`all eleven processes stopped in ${seconds.toFixed(1)} s`);
    const codes = shop.supervisor.instances.map((instance) => [
      instance.id,
      instance.child?.exitCode,
    ]);
    expect(Object.fromEntries(codes)).toEqual(
      Object.fromEntries(shop.supervisor.instances.map((instance) => [instance.id, 0])),
    );
    expect(readFileSync(shop.logFile, 'utf8')).not.toContain('shutdown timed out');
    // The requests the router drains still need the subgraphs.
    const routerGone = steps.indexOf('exit router');
    const subgraphsTold = steps.filter(
      (step) => step.startsWith('SIGTERM') && step !== 'SIGTERM router',
    );
    expect(subgraphsTold).toHaveLength(10);
    for (const told of subgraphsTold) expect(steps.indexOf(told)).toBeGreaterThan(routerGone);
  });
});
