// `pnpm bench`: the shop's router against stock @apollo/gateway on the same supergraph and
// subgraphs (real services, demo catalogue), on the storefront's listing and product-page queries:
// requests/s, p50, p99, errors and RSS, with our response cache on and off; then the router's
// overhead over calling the catalog subgraph directly, and subgraph fetches per page.
// Figures print as a markdown table and go to tests/bench/results/gateway-comparison.json.
//   pnpm bench [--seconds 10] [--connections 16]
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { applyInfraEnv } from '@shop/infra';
import { InternalTokens } from '@shop/kit/identity';
import { freePort, graphqlRequest, waitFor } from '@shop/testkit';
import { onOtherCore, startShopProcess, type ShopProcess } from './shop-process.js';
import { listing } from './storefront-queries.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '16' },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
if (!applyInfraEnv()) {
  console.error('No connection settings for the real services: run `pnpm infra:up` first.');
  process.exit(1);
}

const productPage = `query ProductPage($id: ID!) {
  product(id: $id) {
    id name description images minPrice brand { id name } category { id name }
    optionGroups { name values }
    skus { id price salePrice available enabled options { name value } }
  }
}`;

interface Figures {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}
interface Row extends Figures {
  gateway: string;
  query: string;
  rssMb: number;
}

async function load(
  url: string,
  body: object,
  headers: Record<string, string> = {},
): Promise<Figures> {
  const request = {
    method: 'POST' as const,
    path: new URL(url).pathname,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  };
  const run = (duration: number) => autocannon({ url, connections, duration, requests: [request] });
  await run(2); // warm-up: plans, JIT, connections, caches
  const result = await run(seconds);
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

const rssMb = (pid: number) =>
  Math.round(
    Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024,
  );

async function startStockGateway(
  shop: ShopProcess,
): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  const port = await freePort();
  const env: Record<string, string | undefined> = { ...shop.env, STOCK_GATEWAY_PORT: String(port) };
  for (const [name, url] of Object.entries(shop.subgraphUrls))
    env[`SHOP_SUBGRAPH_URL_${name.toUpperCase()}`] = url;
  const child = spawn(
    ...onOtherCore(process.execPath, [
      '--import',
      'tsx',
      new URL('./stock-gateway.ts', import.meta.url).pathname,
    ]),
    { env, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const url = `http://127.0.0.1:${port}/`;
  await waitFor(
    'the stock gateway',
    async () =>
      (await graphqlRequest(url, '{ __typename }').catch(() => undefined))?.status === 200,
  );
  return {
    url,
    pid: child.pid!,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

const rows: Row[] = [];
const overhead: Record<string, Figures> = {};
let fetchesPerListing = 0;
for (const cache of ['on', 'off'] as const) {
  console.error(`starting the shop (real services, response cache ${cache})…`);
  const shop = await startShopProcess(
    {
      SHOP_INFRA: 'real',
      SHOP_CATALOG_INDEX_ALIAS: 'bench-catalog',
      SHOP_RESPONSE_CACHE_TTL_SECONDS: cache === 'on' ? '300' : '0',
    },
    1900,
  );
  try {
    const first = await graphqlRequest<{ products: { nodes: { id: string }[] } }>(
      shop.routerUrl,
      listing,
      {
        variables: { search: { sort: 'POPULARITY' } },
      },
    );
    const queries = {
      listing: { query: listing, variables: { search: { sort: 'POPULARITY' } } },
      'product page': { query: productPage, variables: { id: first.data!.products.nodes[0]!.id } },
    };
    const gateways = [
      { name: `shop router (response cache ${cache})`, url: shop.routerUrl, pid: shop.pid },
    ];
    const stock = cache === 'off' ? await startStockGateway(shop) : undefined;
    if (stock) gateways.push({ name: 'stock @apollo/gateway', url: stock.url, pid: stock.pid });
    for (const gateway of gateways)
      for (const [query, body] of Object.entries(queries)) {
        console.error(`  ${gateway.name}, ${query}: ${seconds} s at ${connections} connections`);
        const figures = await load(gateway.url, body);
        rows.push({ gateway: gateway.name, query, ...figures, rssMb: rssMb(gateway.pid) });
      }
    await stock?.stop();
    if (cache === 'off') {
      // Router overhead: the same one-subgraph query through the router and straight to catalog.
      const token = await new InternalTokens(shop.env.SHOP_INTERNAL_SECRET!).sign({
        via: 'router',
        identity: { kind: 'anonymous' },
      });
      const body = queries.listing;
      console.error('  router overhead: listing through the router and straight to catalog');
      overhead.router = await load(shop.routerUrl, body);
      overhead.direct = await load(shop.subgraphUrls.catalog!, body, {
        'x-shop-internal-token': token,
      });
      const metrics = await (await fetch(new URL('/metrics', shop.routerUrl))).text();
      const count = (name: string) =>
        [...metrics.matchAll(new RegExp(`^${name}\\{[^}]*\\} (\\d+)`, 'gm'))].reduce(
          (sum, m) => sum + Number(m[1]),
          0,
        );
      const before = count('router_subgraph_fetches_total');
      const pages = 20;
      for (let i = 0; i < pages; i++)
        await graphqlRequest(shop.routerUrl, listing, {
          variables: { search: { sort: 'PRICE_ASC', minPrice: i } },
        });
      const after = count('router_subgraph_fetches_total');
      fetchesPerListing = (after - before) / pages;
    }
  } finally {
    await shop.stop();
  }
}

const baseline = (query: string) =>
  rows.find((row) => row.gateway === 'stock @apollo/gateway' && row.query === query)!;
console.log(
  `\nReal services, demo catalogue; ${connections} connections, ${seconds} s each after a 2 s warm-up; load generator on core 0, gateways on core 1.\n`,
);
console.log('| gateway | query | requests/s | vs stock | p50 | p99 | errors | RSS |');
console.log('|---|---|---:|---:|---:|---:|---:|---:|');
for (const row of rows)
  console.log(
    `| ${row.gateway} | ${row.query} | ${row.requestsPerSecond} | ${(row.requestsPerSecond / baseline(row.query).requestsPerSecond).toFixed(2)}× | ${row.p50} ms | ${row.p99} ms | ${row.errors} | ${row.rssMb} MB |`,
  );
console.log(
  `\nRouter overhead (listing, response cache off): p50 ${overhead.router!.p50} ms through the router vs ${overhead.direct!.p50} ms straight to catalog (+${overhead.router!.p50 - overhead.direct!.p50} ms); ${overhead.router!.requestsPerSecond} vs ${overhead.direct!.requestsPerSecond} requests/s.`,
);
console.log(`Subgraph fetches per listing page: ${fetchesPerListing}.`);
console.log(
  '(The shop router runs in one process with the ten subgraphs; its RSS is that process.)',
);
mkdirSync(new URL('../results/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('../results/gateway-comparison.json', import.meta.url),
  `${JSON.stringify({ seconds, connections, rows, overhead, fetchesPerListing }, null, 2)}\n`,
);
