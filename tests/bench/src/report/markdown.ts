// `pnpm bench`'s figures as markdown, with every ratio against the baselines measured in the
// same run, and each of the targets stated as met or missed.
import { formatMs } from '../percentiles.js';
import { checkoutReport, type CheckoutFigures } from '../sections/checkout.js';
import type { EmbeddedStartFigures } from '../sections/embedded-start.js';
import type { GatewayRow } from '../sections/gateways.js';
import { routerName, type RouterOverheadFigures } from '../sections/router-overhead.js';
import type { SyncLagFigures } from '../sections/sync-lag.js';

export interface BenchResults {
  gateways: GatewayRow[];
  overhead: RouterOverheadFigures;
  checkout: CheckoutFigures;
  syncLag: SyncLagFigures;
  embedded: EmbeddedStartFigures;
}

const stock = 'stock @apollo/gateway';
const hive = '@graphql-hive/gateway';
const met = (ok: boolean) => (ok ? 'met' : '**missed**');

function gatewayTable(rows: GatewayRow[]): string[] {
  const of = (gateway: string, query: string) =>
    rows.find((row) => row.gateway === gateway && row.query === query)!;
  const ratio = (row: GatewayRow, baseline: string) =>
    `${(row.requestsPerSecond / of(baseline, row.query).requestsPerSecond).toFixed(2)}×`;
  return [
    '| gateway | query | requests/s | vs stock | vs hive | p50 | p99 | errors | RSS |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (row) =>
        `| ${row.gateway} | ${row.query} | ${row.requestsPerSecond} | ${ratio(row, stock)} | ${ratio(row, hive)} | ${row.p50} ms | ${row.p99} ms | ${row.errors} | ${row.rssMb} MB |`,
    ),
    '',
    '(The shop router runs in one process with the ten subgraphs; its RSS is that whole process.)',
  ];
}

function targets(rows: GatewayRow[], overhead: RouterOverheadFigures): string[] {
  const listing = (gateway: string) =>
    rows.find((row) => row.gateway === gateway && row.query === 'listing')!;
  const lines = ['Targets:'];
  for (const cache of ['on', 'off']) {
    const ours = listing(`shop router (response cache ${cache})`);
    const times = ours.requestsPerSecond / listing(stock).requestsPerSecond;
    lines.push(
      `- listing, response cache ${cache}: ${times.toFixed(2)}× stock's requests/s (≥ 3×: ${met(times >= 3)}), ` +
        `p99 ${ours.p99} vs ${listing(stock).p99} ms (lower: ${met(ours.p99 < listing(stock).p99)}), ` +
        `ahead of hive (${ours.requestsPerSecond} vs ${listing(hive).requestsPerSecond}): ${met(ours.requestsPerSecond > listing(hive).requestsPerSecond)}`,
    );
  }
  const added = overhead.through[routerName]!.p50 - overhead.direct.p50;
  lines.push(
    `- one subgraph fetch per listing page: ${overhead.fetchesPerPage.listing} (${met(overhead.fetchesPerPage.listing === 1)})`,
    `- router overhead p50 under 2 ms: +${added} ms (${met(added < 2)})`,
  );
  return lines;
}

export function benchReport(results: BenchResults, setting: string): string {
  const { gateways, overhead, checkout, syncLag, embedded } = results;
  return [
    '',
    `# pnpm bench — ${setting}`,
    '',
    '## 1. Gateways',
    '',
    ...gatewayTable(gateways),
    '',
    '## 2. Gateway overhead (listing, response cache off, 1 connection)',
    '',
    '| path | p50 | p99 | requests/s | p50 added |',
    '|---|---:|---:|---:|---:|',
    `| straight to catalog | ${overhead.direct.p50} ms | ${overhead.direct.p99} ms | ${overhead.direct.requestsPerSecond} | – |`,
    ...Object.entries(overhead.through).map(
      ([gateway, figures]) =>
        `| ${gateway} | ${figures.p50} ms | ${figures.p99} ms | ${figures.requestsPerSecond} | +${figures.p50 - overhead.direct.p50} ms |`,
    ),
    '',
    '## 3. Subgraph fetches per storefront page',
    '',
    ...Object.entries(overhead.fetchesPerPage).map(([page, fetches]) => `- ${page}: ${fetches}`),
    '',
    '## 4. Checkout',
    '',
    checkoutReport(checkout),
    '',
    '## 5. Catalog sync lag (updateSku → the new price in search results through the router)',
    '',
    `${syncLag.samples} changes: p50 ${formatMs(syncLag.p50)}, p99 ${formatMs(syncLag.p99)}, max ${formatMs(syncLag.max)}.`,
    '',
    '## 6. Embedded `pnpm start`',
    '',
    `Ready (the router lists the demo catalogue): ${embedded.firstStartSeconds.toFixed(1)} s on a first start, which seeds it; ` +
      `${embedded.restartSeconds.toFixed(1)} s on a restart. RSS ${embedded.readyRssMb} MB when ready, ${embedded.loadedRssMb} MB after 5 s of listing traffic.`,
    '',
    ...targets(gateways, overhead),
  ].join('\n');
}
