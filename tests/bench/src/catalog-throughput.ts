// Listing and search throughput through the router, with the catalog's listing cache on and off,
// on the demo catalogue (seeded on first use). The shop runs in a child process; autocannon here.
//   pnpm bench:catalog [--seconds 10] [--connections 16] [--infra real|embedded]
//     [--cpu-prof <dir>]   the shop's CPU profiles (one per start) written there
import { parseArgs } from 'node:util';
import { applyInfraEnv } from '@shop/infra';
import { load, type LoadFigures } from './load.js';
import { formatMs } from './percentiles.js';
import {
  cpuProfileEnv,
  demoCatalogueListed,
  seededRealShopEnv,
  startShopProcess,
} from './shop-process.js';
import { listing } from './storefront-queries.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '16' },
    infra: { type: 'string', default: 'real' },
    'cpu-prof': { type: 'string' },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const real = values.infra === 'real';
if (real && !applyInfraEnv()) {
  console.error('No connection settings for the real services: run `pnpm infra:up` first.');
  process.exit(1);
}

const searchTexts = [
  '반팔 티셔츠',
  '러닝화',
  '이어폰',
  '청바지',
  '사과',
  '가방',
  'cotton',
  '니트',
  '노트북',
  '선크림',
];
const scenarios = [
  {
    name: 'listing (popular, first page)',
    bodies: [{ query: listing, variables: { search: { sort: 'POPULARITY' } } }],
  },
  {
    name: 'search (10 texts, facets)',
    bodies: searchTexts.map((text) => ({ query: listing, variables: { search: { text } } })),
  },
];

interface Row extends LoadFigures {
  scenario: string;
  cache: string;
}

// Real: the catalogue seeded once into the real services. Embedded: each start seeds its own
// data folder, which only a development start may do.
const shopEnv: Record<string, string> = real
  ? await seededRealShopEnv()
  : { SHOP_INFRA: 'embedded', NODE_ENV: 'development', SHOP_SEED_DEMO: 'true' };
const rows: Row[] = [];
for (const cache of ['on', 'off'] as const) {
  console.error(
    `starting the shop (${real ? 'real services' : 'embedded'}, listing cache ${cache})…`,
  );
  const shop = await startShopProcess(
    {
      ...shopEnv,
      SHOP_CATALOG_CACHE_TTL_SECONDS: cache === 'on' ? '300' : '0',
      ...cpuProfileEnv(values['cpu-prof']),
    },
    demoCatalogueListed,
  );
  try {
    for (const scenario of scenarios) {
      console.error(`  ${scenario.name}: ${seconds} s at ${connections} connections`);
      rows.push({
        scenario: scenario.name,
        cache,
        ...(await load(shop.routerUrl, scenario.bodies, { seconds, connections })),
      });
    }
  } finally {
    await shop.stop();
  }
}

console.log(
  `\n${real ? 'Real services' : 'Embedded'}; ${connections} connections, ${seconds} s each after a 2 s warm-up.\n`,
);
console.log('| query | listing cache | requests/s | vs cache off | p50 | p99 | errors |');
console.log('|---|---|---:|---:|---:|---:|---:|');
for (const row of rows) {
  const baseline = rows.find((other) => other.scenario === row.scenario && other.cache === 'off')!;
  console.log(
    `| ${row.scenario} | ${row.cache} | ${row.requestsPerSecond} | ${(row.requestsPerSecond / baseline.requestsPerSecond).toFixed(2)}× | ${formatMs(row.p50)} | ${formatMs(row.p99)} | ${row.errors} |`,
  );
}
