// `pnpm bench:tracing`: what tracing costs the storefront's listing, in one run on the real
// services (response cache off, so every request runs the gateway and the subgraphs): the shop with
// tracing off, with tracing to Zipkin at production sampling (10 % of new traces) and at 100 %,
// taken in turn for several rounds so the machine's drift falls on each alike; each figure is the
// median of its rounds, the ratio against tracing off's. Load generator on core 0, shop on core 1.
//   pnpm bench:tracing [--seconds 10] [--connections 16] [--rounds 3]
import { parseArgs } from 'node:util';
import { applyInfraEnv } from '@shop/infra';
import { load, type LoadFigures } from './load.js';
import { demoCatalogueListed, seededRealShopEnv, startShopProcess } from './shop-process.js';
import { listing } from './storefront-queries.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '16' },
    rounds: { type: 'string', default: '3' },
  },
});
const loadOptions = { seconds: Number(values.seconds), connections: Number(values.connections) };
if (!applyInfraEnv()) {
  console.error('No connection settings for the real services: run `pnpm infra:up` first.');
  process.exit(1);
}

/** The sampling production runs with (README, Tracing). */
const productionSampleRatio = '0.1';
const runs: { name: string; env: Record<string, string> }[] = [
  { name: 'tracing off', env: { SHOP_TRACING: 'off' } },
  {
    name: `tracing on, ${Number(productionSampleRatio) * 100} % sampled`,
    env: { SHOP_TRACING: 'zipkin', SHOP_TRACE_SAMPLE_RATIO: productionSampleRatio },
  },
  {
    name: 'tracing on, every request',
    env: { SHOP_TRACING: 'zipkin', SHOP_TRACE_SAMPLE_RATIO: '1' },
  },
];

const realShopEnv = await seededRealShopEnv();
const body = { query: listing, variables: { search: { sort: 'POPULARITY' } } };
const figures = new Map<string, LoadFigures[]>(runs.map((run) => [run.name, []]));
for (let round = 1; round <= Number(values.rounds); round++) {
  for (const run of runs) {
    console.error(`round ${round}: starting the shop (${run.name})…`);
    const shop = await startShopProcess(
      { ...realShopEnv, SHOP_RESPONSE_CACHE_TTL_SECONDS: '0', ...run.env },
      demoCatalogueListed,
    );
    try {
      console.error(
        `  listing: ${loadOptions.seconds} s at ${loadOptions.connections} connections`,
      );
      figures.get(run.name)!.push(await load(shop.routerUrl, [body], loadOptions));
    } finally {
      await shop.stop();
    }
  }
}

/** The middle figure; with an even number of rounds, the mean of the middle two. */
function median(numbers: number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const rows = runs.map((run) => {
  const taken = figures.get(run.name)!;
  return {
    name: run.name,
    rounds: taken.map((figure) => figure.requestsPerSecond.toFixed(0)).join(' / '),
    requestsPerSecond: median(taken.map((figure) => figure.requestsPerSecond)),
    p50: median(taken.map((figure) => figure.p50)),
    p99: median(taken.map((figure) => figure.p99)),
    errors: taken.reduce((sum, figure) => sum + figure.errors, 0),
  };
});
const baseline = rows[0]!.requestsPerSecond;
console.log(
  `Listing through the router, response cache off; ${loadOptions.connections} connections, ` +
    `${loadOptions.seconds} s per figure after a 2 s warm-up, medians of ${values.rounds} rounds ` +
    'taken in turn; real services.\n',
);
console.log(
  '| run | requests/s (each round) | median | × tracing off | p50 (ms) | p99 (ms) | errors |',
);
console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
for (const row of rows)
  console.log(
    `| ${row.name} | ${row.rounds} | ${row.requestsPerSecond.toFixed(0)} | ${(row.requestsPerSecond / baseline).toFixed(3)} | ${row.p50.toFixed(1)} | ${row.p99.toFixed(1)} | ${row.errors} |`,
  );
const sampled = rows[1]!;
const within = sampled.requestsPerSecond >= 0.9 * baseline;
console.log(
  `\nproduction sampling keeps ${((sampled.requestsPerSecond / baseline) * 100).toFixed(1)} % of ` +
    `the throughput without tracing (${within ? 'within' : 'NOT within'} 10 %)`,
);
if (!within || rows.some((row) => row.errors > 0)) process.exitCode = 1;
