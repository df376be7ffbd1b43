import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@shop/kit';
import { databaseConfigSchema, openDatabase, type Orm } from '@shop/kit/db';
import type { SubgraphName } from '@shop/kit/service';
import { metricSum, probeInfra, waitFor } from '@shop/testkit';
import { checkoutFixtures } from '../src/checkout-fixtures.js';
import { orderDetail } from '../src/checkout-operations.js';
import { reportFigure } from '../src/figures.js';
import { startShopProcesses, type ShopProcesses } from '../src/shop-processes.js';

const infra = await probeInfra(['mysql', 'kafka', 'redis', 'opensearch']);

/** A subgraph's own database, to count what its jobs did. */
function database(name: SubgraphName): Promise<Orm> {
  return openDatabase({
    config: loadConfig(name, databaseConfigSchema(name), { ...process.env, SHOP_INFRA: 'real' }),
    entities: [],
  });
}

async function count(orm: Orm, sql: string, since: Date): Promise<number> {
  const [row] = await orm.em.getConnection().execute<{ n: number }[]>(sql, [since]);
  return Number(row?.n ?? 0);
}

describe.skipIf(!infra.ok)('replicas behind one router (real services)', () => {
  let shop: ShopProcesses;
  let given: ReturnType<typeof checkoutFixtures>;
  const startedAt = new Date();

  beforeAll(async () => {
    shop = await startShopProcesses({
      replicas: { order: 2, payment: 2, product: 2, delivery: 2 },
      env: {
        SHOP_RESERVATION_TTL_SECONDS: '30',
        SHOP_RESERVATION_SWEEP_MS: '250',
        SHOP_ORDER_SWEEP_MS: '250',
        SHOP_TRACKING_POLL_MS: '500',
        // Two cores run sixteen processes and a burst of buyers: generous timeouts, so the test
        // measures routing, not this machine's latency.
        SHOP_SUBGRAPH_TIMEOUT_MS: '30000',
        SHOP_INTERNAL_TIMEOUT_MS: '15000',
      },
    });
    given = checkoutFixtures(shop);
  });
  afterAll(() => shop?.stop());

  /** Σ of a job's item counter over every replica that runs it. */
  const jobItems = async (service: SubgraphName, job: string, action: string) => {
    let sum = 0;
    for (const instance of shop.instancesOf(service))
      sum += metricSum(await shop.metricsOf(instance), 'shop_job_items_total', { job, action });
    return sum;
  };

  it('runs every job on two replicas without doing any item twice (metrics = database)', async () => {
    const skuId = await given.skuOnSale(9_000, 100);
    const buyer = await given.customer();
    const orders: string[] = [];
    for (let i = 0; i < 12; i++) {
      const placed = (await given.order(buyer.token, { lines: [{ skuId, quantity: 1 }] })).data!
        .createOrder;
      expect(placed.__typename).toBe('Order');
      orders.push(placed.id as string);
    }
    await waitFor(
      'every unpaid order expired by a sweeper',
      async () => {
        for (const id of orders) {
          const order = (await shop.call(orderDetail, { id }, buyer.token)).data!.order;
          if (order.status !== 'CANCELLED' || order.cancelReason !== 'EXPIRED') return false;
        }
        return true;
      },
      { timeoutMs: 90_000, intervalMs: 500 },
    );

    const [orderDb, productDb] = [await database('order'), await database('product')];
    try {
      // Both replicas sweep; what each changed adds up to what changed, once each.
      await waitFor('the sweepers to count what they did', async () => {
        const expiredOrders = await count(
          orderDb,
          `select count(*) as n from shop_order where cancel_reason = 'EXPIRED' and closed_at >= ?`,
          startedAt,
        );
        const expiredHolds = await count(
          productDb,
          `select count(*) as n from reservation where status = 'EXPIRED' and settled_at >= ?`,
          startedAt,
        );
        const counted = {
          orders: await jobItems('order', 'order-sweeper', 'expired'),
          holds: await jobItems('product', 'reservation-sweeper', 'expired'),
        };
        return (
          expiredOrders >= orders.length &&
          counted.orders === expiredOrders &&
          counted.holds === expiredHolds &&
          counted
        );
      });
    } finally {
      await orderDb.close();
      await productDb.close();
    }
    // Every replica runs its service's jobs (each tick under the lease).
    for (const service of ['order', 'product', 'delivery'] as const)
      for (const instance of shop.instancesOf(service))
        expect(
          metricSum(await shop.metricsOf(instance), 'shop_job_runs_total', { outcome: 'ran' }),
          `${instance.id} ran its jobs`,
        ).toBeGreaterThan(0);
  });

  it('routes around SIGKILLed replicas of order, payment and product during a burst of 100 purchases', async () => {
    const skuIds = [
      await given.skuOnSale(11_000, 100),
      await given.skuOnSale(12_000, 100),
      await given.skuOnSale(13_000, 100),
    ];
    const buyers: { token: string }[] = [];
    for (let i = 0; i < 16; i++) buyers.push(await given.customer());
    const victims = ['order-2', 'payment-2', 'product-2'].map((id) =>
      shop.supervisor.instances.find((instance) => instance.id === id)!,
    );
    const deadOrigins = victims.map((victim) => victim.url);
    const survivors = shop.supervisor.instances.filter((instance) => !victims.includes(instance));

    type Purchase = { startedAt: number; ok: boolean; failure?: string };
    const purchases: Purchase[] = [];
    const purchase = async (n: number): Promise<Purchase> => {
      const startedAt = performance.now();
      const buyer = buyers[n % buyers.length]!;
      const lines = [{ skuId: skuIds[n % skuIds.length]!, quantity: 1 }];
      const placed = await given.order(buyer.token, { lines });
      const order = placed.data?.createOrder;
      if (order?.__typename !== 'Order')
        return { startedAt, ok: false, failure: placed.errors?.[0]?.message ?? order?.__typename };
      const paymentKey = await given.authorize(order.id, order.totalAmount);
      const paid = await given.confirm(buyer.token, order.id, paymentKey, order.totalAmount);
      const payment = paid.data?.confirmPayment;
      if (payment?.status === 'APPROVED') return { startedAt, ok: true };
      return { startedAt, ok: false, failure: paid.errors?.[0]?.message ?? payment?.message };
    };

    let killedAt = 0;
    let routedAt = 0;
    let replicasKilled!: () => void;
    const killed = new Promise<void>((resolve) => (replicasKilled = resolve));
    const killReplicas = () => {
      killedAt = performance.now();
      for (const victim of victims) shop.supervisor.kill(victim.id, 'SIGKILL');
      replicasKilled();
    };
    // Eight buyers at a time; the replicas die once thirty purchases have started.
    let next = 0;
    const worker = async () => {
      while (next < 100) {
        const n = next++;
        if (n === 30) killReplicas();
        purchases.push(await purchase(n));
      }
    };
    // Every surviving process has taken the dead instances out of rotation.
    const routedAround = killed.then(async () => {
      await waitFor(
        'no process to route to a dead instance',
        async () => {
          for (const instance of survivors) {
            const metrics = await shop.metricsOf(instance);
            for (const origin of deadOrigins)
              if (metricSum(metrics, 'internal_http_instance_up', { instance: origin }) > 0)
                return false;
          }
          return true;
        },
        { timeoutMs: 30_000, intervalMs: 50 },
      );
      routedAt = performance.now();
    });
    await Promise.all([...Array.from({ length: 8 }, worker), routedAround]);

    const after = purchases.filter((p) => p.startedAt > routedAt);
    const failed = purchases.filter((p) => !p.ok);
    reportFigure(
      `dead replicas out of every caller's rotation ${((routedAt - killedAt) / 1000).toFixed(2)} s after SIGKILL`,
    );
    reportFigure(
      `${purchases.length} purchases: ${purchases.length - failed.length} paid, ${failed.length} failed (${[
        ...new Set(failed.map((p) => p.failure)),
      ].join(
        '; ',
      )}); ${after.length} started after routing around, all paid: ${after.every((p) => p.ok)}`,
    );
    expect(purchases).toHaveLength(100);
    expect(after.length).toBeGreaterThan(0);
    expect(after.filter((p) => !p.ok)).toEqual([]);
    // What failed was caught in flight, and says so.
    for (const failure of failed) {
      expect(failure.startedAt).toBeLessThan(routedAt);
      expect(failure.failure).toMatch(/\S/);
    }
  });
});
