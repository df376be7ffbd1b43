// What Prometheus' scrape costs the shop: `/metrics` fetched back to back on the idle shop, timed,
// and the shop's CPU per scrape. A scrape is work the shop's one event loop does at once (every
// 5 s in `infra/prometheus/prometheus.yml`), so its length is a stall every request then meets.
import { formatMs, quantile } from '../percentiles.js';
import { cpuMsOf, type ShopProcess } from '../shop-process.js';

export interface ScrapeFigures {
  p50: number;
  p99: number;
  cpuMsPerScrape: number;
}

/** The figures, or undefined when the shop serves no `/metrics` (a commit from before it did). */
export async function measureScrape(
  shop: ShopProcess,
  scrapes = 300,
): Promise<ScrapeFigures | undefined> {
  const first = await fetch(shop.routerMetricsUrl).catch(() => undefined);
  if (!first?.ok) return undefined;
  await first.text();
  console.error(`  ${scrapes} scrapes of the shop's /metrics…`);
  const scrape = async () => (await fetch(shop.routerMetricsUrl)).text();
  for (let warmUp = 0; warmUp < 20; warmUp++) await scrape();
  const times: number[] = [];
  const cpuBefore = cpuMsOf(shop.pid);
  for (let scraped = 0; scraped < scrapes; scraped++) {
    const started = performance.now();
    await scrape();
    times.push(performance.now() - started);
  }
  return {
    p50: quantile(times, 0.5),
    p99: quantile(times, 0.99),
    cpuMsPerScrape: (cpuMsOf(shop.pid) - cpuBefore) / scrapes,
  };
}

export const scrapeSummary = (figures: ScrapeFigures) =>
  `p50 ${formatMs(figures.p50)}, p99 ${formatMs(figures.p99)}, the shop's CPU ${figures.cpuMsPerScrape.toFixed(2)} ms per scrape`;
