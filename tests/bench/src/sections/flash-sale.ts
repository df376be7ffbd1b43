// A first-come sale (선착순): many buyers, their accounts made before the clock starts, arrive
// within a few seconds for a few units of one SKU; whoever gets an order pays at once. Measured:
// how many orders were paid and when the last one was, how fast the others heard "sold out"
// (their createOrder), the stock afterwards, and the listing's latency while the sale runs against
// its latency idle, in the same run, with the answers the router's cache gave apart from those it
// fetched (the SKU selling out moves the listing on). Then "sold out" alone: what one answer costs.
import { setTimeout as sleep } from 'node:timers/promises';
import { load, pacedLoad, type LoadFigures, type PacedLoadFigures } from '../load.js';
import { formatMs, quantile } from '../percentiles.js';
import { cpuMsOf, type ShopProcess } from '../shop-process.js';
import { listing } from '../storefront-queries.js';
import { newSku, oneUnitOrder, ops, purchase, saleOutcome, signUpShoppers } from './checkout.js';

export interface FlashSaleOptions {
  buyers: number;
  units: number;
  /** The buyers arrive evenly over this many seconds. */
  arrivalSeconds: number;
  /** Shoppers browsing meanwhile: the listing this many times a second, paced, idle and in the sale. */
  listingRate: number;
}

export interface FlashSaleFigures extends FlashSaleOptions {
  paid: number;
  soldOut: number;
  /** Any other outcome, by what the buyer was told. */
  others: Record<string, number>;
  /** From the first buyer's arrival to the last payment's answer. */
  lastPaidAfterMs: number;
  /** The shop's CPU time from the first buyer's arrival to the last buyer's answer. */
  saleCpuMs: number;
  /** The same span's wall time. */
  saleWallMs: number;
  soldOutP50: number;
  soldOutP99: number;
  /**
   * "Sold out" p50 and p99 of the buyers who arrived in each second of the sale: where a backlog
   * sits, and whether it held up the whole second (p50) or a tail of it (p99 only).
   */
  soldOutByArrivalSecond: { p50: number; p99: number }[];
  listingIdle: PacedLoadFigures;
  listingDuringSale: PacedLoadFigures;
  /** createOrder for the sold-out SKU, one buyer on 16 connections, as fast as they go. */
  soldOutFlat: LoadFigures;
  stock: { onHand: number; reserved: number; movements: number };
  conserved: boolean;
}

export async function measureFlashSale(
  shop: ShopProcess,
  admin: string,
  options: FlashSaleOptions,
): Promise<FlashSaleFigures> {
  const { buyers, units, arrivalSeconds, listingRate } = options;
  const tokens = await signUpShoppers(shop, buyers, 4);
  await shopBeforeTheSale(shop, admin);
  const skuId = await newSku(shop, admin, units);
  const listingLoad = (seconds: number) =>
    pacedLoad(
      shop.routerUrl,
      { query: listing, variables: { search: { sort: 'POPULARITY' } } },
      { seconds, rate: listingRate },
    );
  console.error('  the listing, idle…');
  const listingIdle = await listingLoad(arrivalSeconds + 3);

  console.error(`  the sale: ${buyers} buyers over ${arrivalSeconds} s for ${units} units…`);
  const duringSale = listingLoad(arrivalSeconds + 3);
  await sleep(2_000); // the listing load's warm-up, which it does not count
  const soldOutByArrivalSecond: number[][] = Array.from({ length: arrivalSeconds }, () => []);
  const outcomes: string[] = [];
  let lastPaidAt = 0;
  const cpuAtOpening = cpuMsOf(shop.pid);
  const opened = performance.now();
  await Promise.all(
    tokens.map(async (token, index) => {
      await sleep((index * arrivalSeconds * 1000) / buyers);
      const arrived = performance.now();
      const outcome = await purchase(shop, token, skuId).catch(
        // fetch's own message says only "fetch failed": its cause says what failed.
        (error: Error) => `${error.message} ${(error.cause as { code?: string })?.code ?? ''}`,
      );
      outcomes.push(outcome);
      if (outcome === 'OutOfStock') {
        const second = Math.min(arrivalSeconds - 1, Math.floor((arrived - opened) / 1000));
        soldOutByArrivalSecond[second]!.push(performance.now() - arrived);
      }
      if (outcome === 'PAID') lastPaidAt = Math.max(lastPaidAt, performance.now());
    }),
  );
  const saleWallMs = performance.now() - opened;
  const saleCpuMs = cpuMsOf(shop.pid) - cpuAtOpening;
  const listingDuringSale = await duringSale;
  const soldOutMs = soldOutByArrivalSecond.flat();

  const { sku, movements, paid, others } = await saleOutcome(shop, admin, skuId, outcomes);
  console.error('  "sold out" alone, at full speed…');
  const soldOutFlat = await soldOutAtFullSpeed(shop, skuId, tokens[0]!, 5);
  return {
    ...options,
    paid,
    soldOut: soldOutMs.length,
    others,
    lastPaidAfterMs: lastPaidAt - opened,
    saleCpuMs,
    saleWallMs,
    soldOutP50: quantile(soldOutMs, 0.5),
    soldOutP99: quantile(soldOutMs, 0.99),
    soldOutByArrivalSecond: soldOutByArrivalSecond.map((answers) => ({
      p50: quantile(answers, 0.5),
      p99: quantile(answers, 0.99),
    })),
    listingIdle,
    listingDuringSale,
    soldOutFlat,
    stock: { onHand: sku.onHand, reserved: sku.reserved, movements },
    // No unit sold twice: what was paid left the shelf, the movements add up to what is on it.
    // (An order placed and never paid holds its unit until it lapses: reserved, not sold.)
    conserved: paid <= units && sku.onHand === units - paid && movements === sku.onHand,
  };
}

/**
 * A sale opens in a shop that has been taking orders: its order and payment paths, and the answer
 * "sold out", have run before and are compiled (JIT), planned and pooled. Without this the sale's
 * first seconds would measure a process that never placed an order, which no live shop is.
 */
async function shopBeforeTheSale(shop: ShopProcess, admin: string): Promise<void> {
  console.error('  the shop before the sale: other shoppers buy, then hear "sold out"…');
  const shoppers = await signUpShoppers(shop, 8);
  const skuId = await newSku(shop, admin, 40);
  await Promise.all(
    shoppers.map(async (token) => {
      for (let i = 0; i < 5; i++) await purchase(shop, token, skuId);
    }),
  );
  await soldOutAtFullSpeed(shop, skuId, shoppers[0]!, 3);
}

/** createOrder for a sold-out SKU by one buyer on 16 connections, as fast as they go. */
const soldOutAtFullSpeed = (
  shop: ShopProcess,
  skuId: string,
  token: string,
  seconds: number,
): Promise<LoadFigures> =>
  load(shop.routerUrl, [{ query: ops.order, variables: { input: oneUnitOrder(skuId) } }], {
    seconds,
    connections: 16,
    headers: { authorization: `Bearer ${token}` },
  });

export function flashSaleReport(figures: FlashSaleFigures): string {
  const { listingIdle: idle, listingDuringSale: busy } = figures;
  return [
    `First-come sale: ${figures.buyers} buyers (signed up beforehand) arriving over ${figures.arrivalSeconds} s for ${figures.units} units; each order paid at once.`,
    '',
    `- paid: ${figures.paid}; told sold out: ${figures.soldOut}; other: ${figures.buyers - figures.paid - figures.soldOut}`,
    `- last payment answered ${(figures.lastPaidAfterMs / 1000).toFixed(2)} s after the first buyer arrived`,
    `- the shop's CPU from the first arrival to the last answer: ${(figures.saleCpuMs / 1000).toFixed(1)} s in ${(figures.saleWallMs / 1000).toFixed(1)} s (${Math.round((100 * figures.saleCpuMs) / figures.saleWallMs)} % of its core), ${(figures.saleCpuMs / figures.buyers).toFixed(2)} ms per buyer: ${(figures.saleCpuMs / (figures.arrivalSeconds * 1000)).toFixed(2)}× what one core does in the ${figures.arrivalSeconds} s the buyers arrive over`,
    `- "sold out" answered in p50 ${formatMs(figures.soldOutP50)}, p99 ${formatMs(figures.soldOutP99)}`,
    `- "sold out" p50 / p99 by the second the buyer arrived in: ${figures.soldOutByArrivalSecond.map(({ p50, p99 }) => `${formatMs(p50)} / ${formatMs(p99)}`).join(' · ')}`,
    `- "sold out" alone at full speed (one buyer, 16 connections): ${figures.soldOutFlat.requestsPerSecond} answers/s, p50 ${formatMs(figures.soldOutFlat.p50)}, p99 ${formatMs(figures.soldOutFlat.p99)}, ${figures.soldOutFlat.errors} errors`,
    `- stock after: onHand ${figures.stock.onHand}, reserved ${figures.stock.reserved} (placed, not paid), Σ movements ${figures.stock.movements} → ${figures.conserved ? 'conserved' : 'VIOLATED'}`,
    '',
    `| listing (one every ${formatMs(1000 / figures.listingRate)}) | requests/s | p50 | p99 | p99 × idle | from the router's cache: answers (stale), p99 | fetched: answers, p99 | errors |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| idle | ${idle.requestsPerSecond} | ${formatMs(idle.p50)} | ${formatMs(idle.p99)} | 1.00 | ${cacheColumns(idle)} | ${idle.errors} |`,
    `| during the sale | ${busy.requestsPerSecond} | ${formatMs(busy.p50)} | ${formatMs(busy.p99)} | ${(busy.p99 / idle.p99).toFixed(2)} | ${cacheColumns(busy)} | ${busy.errors} |`,
    ...Object.entries(figures.others).map(([outcome, count]) => `- ${count} × ${outcome}`),
  ].join('\n');
}

const cacheColumns = ({ cacheHits: hits, cacheMisses: misses }: PacedLoadFigures) =>
  `${hits.answers} (${hits.stale} stale), ${formatMs(hits.p99)} | ${misses.answers}, ${formatMs(misses.p99)}`;

/** This commit's sale beside a baseline commit's, run after it on the same machine. */
export function flashSaleComparison(
  figures: FlashSaleFigures,
  baseline: FlashSaleFigures,
  baselineName: string,
): string {
  const rows: [string, number, number, (value: number) => string][] = [
    ['paid', figures.paid, baseline.paid, String],
    [
      'last payment after the first buyer',
      figures.lastPaidAfterMs,
      baseline.lastPaidAfterMs,
      formatMs,
    ],
    ["the shop's CPU during the sale", figures.saleCpuMs, baseline.saleCpuMs, formatMs],
    ['"sold out" p50', figures.soldOutP50, baseline.soldOutP50, formatMs],
    ['"sold out" p99', figures.soldOutP99, baseline.soldOutP99, formatMs],
    [
      '"sold out" alone, answers/s',
      figures.soldOutFlat.requestsPerSecond,
      baseline.soldOutFlat.requestsPerSecond,
      String,
    ],
    [
      'listing p99 during the sale',
      figures.listingDuringSale.p99,
      baseline.listingDuringSale.p99,
      formatMs,
    ],
  ];
  return [
    `| figure | this commit | ${baselineName} | this ÷ ${baselineName} |`,
    '| --- | ---: | ---: | ---: |',
    ...rows.map(
      ([name, ours, theirs, format]) =>
        `| ${name} | ${format(ours)} | ${format(theirs)} | ${(ours / theirs).toFixed(2)} |`,
    ),
  ].join('\n');
}
