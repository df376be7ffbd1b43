import { afterAll, beforeAll, expect, it } from 'vitest';
import { waitFor } from '@shop/testkit';
import { reindexCatalog, reindexStatus, searchProducts } from '../src/catalog-operations.js';
import { createLogger, loadConfig } from '@shop/kit';
import { databaseConfigSchema, openDatabase } from '@shop/kit/db';
import { reindexStopped } from '../../../subgraphs/catalog/src/services/catalog-reindexer.js';
import { demoShopper, seedDemoOrders } from '../../../scripts/demo-orders.js';
import { checkoutFixtures } from '../src/checkout-fixtures.js';
import { myAccount } from '../src/checkout-operations.js';
import { startShop, type ShopUnderTest } from '../src/shop-under-test.js';
import { describeOnEachShop } from '../src/shop-runs.js';

const demoProducts = 2000;
const searches = ['반팔 티셔츠', '러닝화', '이어폰', 'cotton', undefined];

describeOnEachShop('a full reindex of the demo catalogue', ({ env }) => {
  let shop: ShopUnderTest;
  const totalVisible = async () =>
    (await shop.call(searchProducts, { first: 1 })).data?.products.totalCount as number;

  beforeAll(async () => {
    // The listing cache off: every search during the rebuild must reach the index itself.
    shop = await startShop({ SHOP_SEED_DEMO: 'true', SHOP_CATALOG_CACHE_TTL_SECONDS: '0', ...env });
    // Most demo products are on sale; the seeding shows its progress in the log. The count must
    // also have stopped moving: seeding goes on after the first 90% are searchable.
    let seen = -1;
    let steady = 0;
    await waitFor(
      'the demo catalogue indexed',
      async () => {
        const total = await totalVisible();
        steady = total === seen ? steady + 1 : 0;
        seen = total;
        return total >= demoProducts * 0.9 && steady >= 3;
      },
      {
        timeoutMs: 240_000,
        intervalMs: 1000,
      },
    );
    await waitFor('the start-up index run finished', async () => {
      const status = await shop.call(reindexStatus, {}, shop.adminToken);
      return status.data?.reindexStatus?.state !== 'RUNNING';
    });
  }, 300_000);

  afterAll(async () => {
    await shop?.stop();
  });

  it('keeps answering searches while the index is rebuilt and swapped', async () => {
    const before = await totalVisible();
    let reindexing = true;
    const outcomes: { ok: boolean; total: number }[] = [];
    const searcher = async () => {
      for (let i = 0; reindexing; i++) {
        const text = searches[i % searches.length];
        const result = await shop.call(searchProducts, { search: { text }, first: 24 });
        outcomes.push({
          ok: !result.errors && (result.data?.products.nodes.length ?? 0) > 0,
          total: result.data?.products.totalCount ?? 0,
        });
      }
    };
    const searchers = Array.from({ length: 4 }, searcher);

    const started = await shop.call(reindexCatalog, {}, shop.adminToken);
    expect(started.data?.reindexCatalog.__typename).toBe('ReindexRun');
    const again = await shop.call(reindexCatalog, {}, shop.adminToken);
    expect(again.data?.reindexCatalog).toMatchObject({
      __typename: 'ReindexAlreadyRunning',
      run: { id: started.data?.reindexCatalog.id },
    });
    const finished = await waitFor(
      'the reindex to finish',
      async () => {
        const status = await shop.call(reindexStatus, {}, shop.adminToken);
        const run = status.data?.reindexStatus;
        return run?.state !== 'RUNNING' && run;
      },
      { timeoutMs: 120_000, intervalMs: 200 },
    );
    reindexing = false;
    await Promise.all(searchers);

    expect(finished).toMatchObject({ state: 'DONE', error: null });
    expect(finished.indexed).toBe(finished.total);
    expect(outcomes.length).toBeGreaterThan(10);
    expect(outcomes.filter((outcome) => !outcome.ok)).toEqual([]);
    expect(await totalVisible()).toBe(before);
  }, 180_000);

  it('gives the demo shopper paid orders once, as `pnpm start` does with the demo catalogue', async () => {
    const logger = createLogger('demo-orders', { level: 'silent', format: 'json' });
    // A shopper of this run's own: real runs share their databases with earlier runs.
    const shopper = { ...demoShopper, email: `demo.${shop.runId}@example.com` };
    const seed = () =>
      seedDemoOrders({ routerUrl: shop.router.url, pgUrl: shop.pg.url, logger }, { shopper });
    const login = async () => {
      const { email, password } = shopper;
      const answer = await shop.call(
        `mutation ($input: LoginInput!) { login(input: $input) { __typename ... on AuthSession { accessToken } } }`,
        { input: { email, password } },
      );
      return answer.data!.login as { __typename: string; accessToken?: string };
    };
    const ordersOfShopper = async () => {
      const account = await shop.call(myAccount, {}, (await login()).accessToken);
      return (account.data!.me.orders.nodes as { id: string; status: string }[]).toSorted((a, b) =>
        a.id.localeCompare(b.id),
      );
    };
    // `pnpm start` stops the seeding first when it stops: it ends there, and the next start seeds.
    const stopping = new AbortController();
    const interrupted = seedDemoOrders(
      { routerUrl: shop.router.url, pgUrl: shop.pg.url, logger, signal: stopping.signal },
      { shopper },
    );
    stopping.abort();
    await expect(interrupted).rejects.toMatchObject({ name: 'AbortError' });
    // Stopped before its first call went out: not even the shopper's account was made.
    expect((await login()).__typename).not.toBe('AuthSession');
    await seed();
    const first = await ordersOfShopper();
    expect(first.map((order) => order.status)).toEqual(['PAID', 'PAID', 'PAID']);
    // A second start finds them: no new order, no second charge.
    await seed();
    expect(await ordersOfShopper()).toEqual(first);
    const fixtures = checkoutFixtures(shop);
    for (const order of first)
      expect(await fixtures.pgPayment(order.id)).toMatchObject({ status: 'DONE' });
  });

  // Last: catalog stays stopped (the shop's stop then stops the rest).
  it('ends a reindex under way at its next page when catalog stops, and records the stop', async () => {
    const before = await totalVisible();
    const started = await shop.call(reindexCatalog, {}, shop.adminToken);
    const runId = Number(started.data!.reindexCatalog.id);
    await shop.shop.services.get('catalog')!.stop();
    const orm = await openDatabase({
      config: loadConfig('catalog', databaseConfigSchema('catalog'), shop.shop.runtime.env),
      entities: [],
    });
    try {
      const [run] = await orm.em
        .getConnection()
        .execute<{ state: string; error: string; indexed: number }[]>(
          'select state, error, indexed from reindex_run where id = ?',
          [runId],
        );
      expect(run).toMatchObject({ state: 'FAILED', error: reindexStopped });
      expect(Number(run!.indexed)).toBeLessThan(before);
    } finally {
      await orm.close();
    }
  });
});
