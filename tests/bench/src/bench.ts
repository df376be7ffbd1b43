// `pnpm bench`: on the real services with the demo catalogue,
//   1. the storefront's listing and product-page queries, 24 different listings and 24 different
//      product pages, through the shop's router (response cache on and off), stock @apollo/gateway
//      and @graphql-hive/gateway over the same supergraph and subgraphs, under the same load (the
//      cache-off router and the two in turns): requests/s, p50, p99, RSS, ratios;
//   2. what each gateway adds over calling the subgraph directly, and 3. subgraph fetches per page;
//   4. completed purchases per second at 1, 8 and 32 concurrent buyers, with the oversell check,
//      on fresh databases (this commit's and a baseline's alike);
//   5. catalog sync lag (a price change → shown by search through the router), p50 / p99;
//   6. the embedded `pnpm start`: time to ready and memory; what a Prometheus scrape costs the shop;
//   7. with --processes: checkout again with every service in a process of its own;
//   8. with --baseline <commit>: the router (response cache off), scrape and checkout sections
//      again on that commit's shop, from a worktree with databases of its own, and each ratio.
// The load generator runs on core 0 (`taskset` in package.json), the shop and gateways on core 1.
// Prints markdown; writes tests/bench/results/bench.json and bench.png.
//   pnpm bench [--seconds 10] [--connections 16] [--lag-samples 50] [--processes]
//     [--baseline <commit>]
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { applyInfraEnv } from '@shop/infra';
import { graphqlRequest } from '@shop/testkit';
import { adminSession } from './admin-session.js';
import { checkOutBaseline, queriesServedBy } from './baseline/baseline-commit.js';
import { seededBaselineShopEnv } from './baseline/baseline-databases.js';
import { baselineGateways, startBaselineGateway } from './gateways/start-baseline.js';
import { gatewayChartPng } from './report/chart.js';
import { benchReport } from './report/markdown.js';
import { measureCheckout, startCheckoutShop } from './sections/checkout.js';
import { measureEmbeddedStart } from './sections/embedded-start.js';
import { measureGateways, type GatewayRow } from './sections/gateways.js';
import { measureRouterOverhead } from './sections/router-overhead.js';
import { measureScrape } from './sections/scrape.js';
import { measureSyncLag } from './sections/sync-lag.js';
import { demoCatalogueListed, seededRealShopEnv, startShopProcess } from './shop-process.js';
import { listing, listingVariations, productPage } from './storefront-queries.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '16' },
    'lag-samples': { type: 'string', default: '50' },
    processes: { type: 'boolean', default: false },
    baseline: { type: 'string' },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const loadOptions = { seconds, connections };
if (!applyInfraEnv()) {
  console.error('No connection settings for the real services: run `pnpm infra:up` first.');
  process.exit(1);
}

// First, so a commit that cannot be checked out or installed stops the run before it begins.
const baseline = values.baseline ? checkOutBaseline(values.baseline) : undefined;
const realShopEnv = await seededRealShopEnv();
const startRealShop = (label: string, env: Record<string, string>) => {
  console.error(`starting the shop (real services, ${label})…`);
  return startShopProcess({ ...realShopEnv, ...env }, demoCatalogueListed);
};

const gateways: GatewayRow[] = [];
let shop = await startRealShop('response cache on', { SHOP_RESPONSE_CACHE_TTL_SECONDS: '300' });
const popular = await graphqlRequest<{ products: { nodes: { id: string }[] } }>(
  shop.routerUrl,
  listing,
  { variables: { search: { sort: 'POPULARITY' } } },
);
const productId = popular.data!.products.nodes[0]!.id;
const pages = {
  listing: { query: listing, variables: { search: { sort: 'POPULARITY' } } },
  'product page': { query: productPage, variables: { id: productId } },
};
const queries = {
  ...pages,
  '24 listings': { query: listing, variations: listingVariations },
  // The popular listing's products: shoppers on different pages share no fetch in the router.
  '24 product pages': {
    query: productPage,
    variations: popular.data!.products.nodes.map(({ id }) => ({ id })),
  },
};
let syncLag;
try {
  gateways.push(
    ...(await measureGateways(
      [{ name: 'shop router (response cache on)', url: shop.routerUrl, pid: shop.pid }],
      queries,
      loadOptions,
    )),
  );
  // With the response cache on: a change must get past every cache a shopper's search meets.
  console.error('catalog sync lag…');
  syncLag = await measureSyncLag(shop, await adminSession(shop), Number(values['lag-samples']));
} finally {
  await shop.stop();
}

shop = await startRealShop('response cache off', { SHOP_RESPONSE_CACHE_TTL_SECONDS: '0' });
let overhead;
let scrape;
try {
  const baselines = [];
  for (const name of Object.keys(baselineGateways) as (keyof typeof baselineGateways)[])
    baselines.push(await startBaselineGateway(name, shop));
  try {
    const router = { name: 'shop router (response cache off)', url: shop.routerUrl, pid: shop.pid };
    gateways.push(...(await measureGateways([router, ...baselines], queries, loadOptions)));
    overhead = await measureRouterOverhead(shop, pages, seconds, baselines);
  } finally {
    for (const baseline of baselines) await baseline.stop();
  }
  scrape = await measureScrape(shop);
} finally {
  await shop.stop();
}

console.error('starting the shop (real services, checkout, fresh databases)…');
shop = await startCheckoutShop('current');
let checkout;
try {
  console.error('checkout…');
  checkout = await measureCheckout(shop, await adminSession(shop), { seconds });
} finally {
  await shop.stop();
}

let checkoutApart;
if (values.processes) {
  console.error('starting the shop (real services, checkout, every service its own process)…');
  shop = await startCheckoutShop('current', { args: ['--processes'] });
  try {
    console.error('checkout, every service its own process…');
    checkoutApart = await measureCheckout(shop, await adminSession(shop), { seconds });
  } finally {
    await shop.stop();
  }
}

console.error('embedded pnpm start…');
const embedded = await measureEmbeddedStart();

let against;
if (baseline) {
  const { served, notServed } = queriesServedBy(baseline, queries);
  const baselineEnv = await seededBaselineShopEnv(baseline);
  const startBaselineShop = (label: string, env: Record<string, string>) => {
    console.error(`starting ${baseline.short}'s shop (${label})…`);
    return startShopProcess({ ...baselineEnv, ...env }, demoCatalogueListed, {
      root: baseline.root,
    });
  };
  shop = await startBaselineShop('response cache off', { SHOP_RESPONSE_CACHE_TTL_SECONDS: '0' });
  let baselineGateways;
  let baselineScrape;
  try {
    baselineGateways = await measureGateways(
      [
        {
          name: `${baseline.short} router (response cache off)`,
          url: shop.routerUrl,
          pid: shop.pid,
        },
      ],
      served,
      loadOptions,
    );
    baselineScrape = await measureScrape(shop);
  } finally {
    await shop.stop();
  }
  console.error(`starting ${baseline.short}'s shop (checkout, fresh databases)…`);
  shop = await startCheckoutShop(baseline.short, { root: baseline.root });
  let baselineCheckout;
  try {
    console.error(`checkout on ${baseline.short}…`);
    baselineCheckout = await measureCheckout(shop, await adminSession(shop), { seconds });
  } finally {
    await shop.stop();
  }
  against = {
    commit: baseline.sha,
    gateways: baselineGateways,
    notServed,
    checkout: baselineCheckout,
    scrape: baselineScrape,
  };
}

const results = {
  seconds,
  connections,
  gateways,
  overhead,
  checkout,
  checkoutApart,
  syncLag,
  embedded,
  scrape,
  against,
};
const setting = `real services, demo catalogue; ${connections} connections, ${seconds} s per figure after a 2 s warm-up; load generator on core 0, gateways and subgraphs on core 1`;
console.log(benchReport(results, setting));
const folder = new URL('../results/', import.meta.url);
mkdirSync(folder, { recursive: true });
writeFileSync(new URL('bench.json', folder), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(new URL('bench.png', folder), await gatewayChartPng(gateways, setting));
console.error('wrote tests/bench/results/bench.json and bench.png');
if (
  [checkout, checkoutApart, against?.checkout].some(
    (figures) => figures && !figures.oversell.conserved,
  )
)
  process.exitCode = 1;
