// `pnpm bench`'s figures as markdown, with every ratio against the baselines measured in the
// same run, and each of the targets stated as met or missed.
import { formatMs, timesOf } from '../percentiles.js';
import {
  checkoutComparisonRows,
  checkoutReport,
  type CheckoutFigures,
} from '../sections/checkout.js';
import type { EmbeddedStartFigures } from '../sections/embedded-start.js';
import type { GatewayRow } from '../sections/gateways.js';
import { routerName, type RouterOverheadFigures } from '../sections/router-overhead.js';
import { scrapeSummary, type ScrapeFigures } from '../sections/scrape.js';
import type { SyncLagFigures } from '../sections/sync-lag.js';

/** The same sections on a baseline commit's shop. */
export interface BaselineFigures {
  commit: string;
  gateways: GatewayRow[];
  /** Queries the commit's API does not answer, with why: not compared. */
  notServed: Record<string, string>;
  checkout: CheckoutFigures;
  /** Undefined when the commit's shop serves no `/metrics`. */
  scrape?: ScrapeFigures;
}

export interface BenchResults {
  gateways: GatewayRow[];
  overhead: RouterOverheadFigures;
  checkout: CheckoutFigures;
  /** Checkout with every service in a process of its own (`--processes`). */
  checkoutApart?: CheckoutFigures;
  syncLag: SyncLagFigures;
  embedded: EmbeddedStartFigures;
  scrape?: ScrapeFigures;
  against?: BaselineFigures;
}

const stock = 'stock @apollo/gateway';
const hive = '@graphql-hive/gateway';
const met = (ok: boolean) => (ok ? 'met' : '**missed**');

function gatewayTable(rows: GatewayRow[]): string[] {
  const of = (gateway: string, query: string) =>
    rows.find((row) => row.gateway === gateway && row.query === query)!;
  const ratio = (row: GatewayRow, baseline: string) =>
    timesOf(row.requestsPerSecond, of(baseline, row.query).requestsPerSecond);
  return [
    '| gateway | query | requests/s | vs stock | vs hive | p50 | p99 | errors | RSS |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (row) =>
        `| ${row.gateway} | ${row.query} | ${row.requestsPerSecond} | ${ratio(row, stock)} | ${ratio(row, hive)} | ${formatMs(row.p50)} | ${formatMs(row.p99)} | ${row.errors} | ${row.rssMb} MB |`,
    ),
    '',
    '(The shop router runs in one process with the ten subgraphs; its RSS is that whole process.)',
  ];
}

/** Each figure on the baseline commit and on this one, and their ratio. */
function againstTable(results: BenchResults, against: BaselineFigures): string[] {
  const short = against.commit.slice(0, 7);
  const lines = [`| figure | ${short} | this commit | this ÷ ${short} |`, '|---|---:|---:|---:|'];
  for (const base of against.gateways) {
    const ours = results.gateways.find(
      (row) => row.gateway === 'shop router (response cache off)' && row.query === base.query,
    )!;
    lines.push(
      `| router, cache off, ${base.query}: requests/s | ${base.requestsPerSecond} | ${ours.requestsPerSecond} | ${timesOf(ours.requestsPerSecond, base.requestsPerSecond)} |`,
      `| router, cache off, ${base.query}: p99 | ${formatMs(base.p99)} | ${formatMs(ours.p99)} | ${timesOf(ours.p99, base.p99)} |`,
    );
  }
  lines.push(...checkoutComparisonRows(results.checkout, against.checkout, 'checkout, '));
  if (results.scrape && against.scrape)
    lines.push(
      `| a scrape of /metrics: p50 | ${formatMs(against.scrape.p50)} | ${formatMs(results.scrape.p50)} | ${timesOf(results.scrape.p50, against.scrape.p50)} |`,
      `| a scrape of /metrics: the shop's CPU | ${formatMs(against.scrape.cpuMsPerScrape)} | ${formatMs(results.scrape.cpuMsPerScrape)} | ${timesOf(results.scrape.cpuMsPerScrape, against.scrape.cpuMsPerScrape)} |`,
    );
  lines.push(
    '',
    `Oversell check on ${short}: ${against.checkout.oversell.conserved ? 'OK' : 'VIOLATED'}.`,
    ...Object.entries(against.notServed).map(
      ([query, why]) => `Not compared: the ${query} query (${short} answers: ${why}).`,
    ),
  );
  return lines;
}

/** The performance issue's targets, each met or missed. */
function targets(results: BenchResults): string[] {
  const { gateways: rows, overhead, checkout, against } = results;
  const of = (gateway: string, query: string) =>
    rows.find((row) => row.gateway === gateway && row.query === query)!;
  const lines = ['Targets:'];
  for (const query of ['listing', 'product page']) {
    const ours = of('shop router (response cache off)', query);
    const times = ours.requestsPerSecond / of(hive, query).requestsPerSecond;
    lines.push(
      `- ${query}, response cache off: ${times.toFixed(2)}× hive's requests/s (≥ 2×: ${met(times >= 2)}), ` +
        `p99 ${formatMs(ours.p99)} vs ${formatMs(of(hive, query).p99)} (lower: ${met(ours.p99 < of(hive, query).p99)})`,
    );
  }
  const added = overhead.through[routerName]!.p50 - overhead.direct.p50;
  lines.push(
    `- one subgraph fetch per listing page: ${overhead.fetchesPerPage.listing} (${met(overhead.fetchesPerPage.listing === 1)})`,
    `- router overhead p50 ≤ 1 ms: +${added.toFixed(2)} ms (${met(added <= 1)})`,
  );
  if (against) {
    const at32 = (figures: CheckoutFigures) => figures.rows.find((row) => row.buyers === 32)!;
    const [ours, base] = [at32(checkout), at32(against.checkout)];
    const faster = ours.purchasesPerSecond / base.purchasesPerSecond;
    lines.push(
      `- checkout at 32 buyers: ${faster.toFixed(2)}× ${against.commit.slice(0, 7)}'s purchases/s (≥ 3×: ${met(faster >= 3)}), ` +
        `p99 ${formatMs(ours.p99)} vs ${formatMs(base.p99)} (≤ a third: ${met(ours.p99 * 3 <= base.p99)})`,
    );
  }
  lines.push(`- no oversell: ${met(checkout.oversell.conserved)}`);
  return lines;
}

export function benchReport(results: BenchResults, setting: string): string {
  const { gateways, overhead, checkout, checkoutApart, syncLag, embedded, scrape, against } =
    results;
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
    `| straight to catalog | ${formatMs(overhead.direct.p50)} | ${formatMs(overhead.direct.p99)} | ${overhead.direct.requestsPerSecond} | – |`,
    ...Object.entries(overhead.through).map(
      ([gateway, figures]) =>
        `| ${gateway} | ${formatMs(figures.p50)} | ${formatMs(figures.p99)} | ${figures.requestsPerSecond} | +${(figures.p50 - overhead.direct.p50).toFixed(2)} ms |`,
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
    ...(scrape
      ? [
          '',
          `A Prometheus scrape of the idle shop (real services, one process): ${scrapeSummary(scrape)}.`,
        ]
      : []),
    ...(checkoutApart
      ? ['', '## 7. Checkout, every service its own process', '', checkoutReport(checkoutApart)]
      : []),
    ...(against
      ? [
          '',
          `## 8. Against ${against.commit.slice(0, 7)} (same run)`,
          '',
          ...againstTable(results, against),
        ]
      : []),
    '',
    ...targets(results),
  ].join('\n');
}
