// `pnpm lighthouse [--runs <n>]`: builds the client, starts the shop as `pnpm start` does, and runs
// Lighthouse (mobile) on the storefront's home, search and product pages; prints each page's four
// category scores and LCP, and the storefront's first-load JavaScript. Exits 1 when a figure
// misses its target. Reports: .data/lighthouse/<page>.report.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { clientDist } from '@shop/client/server';
import { auditPages, categories, type Category } from './audit.js';
import { firstLoad } from './first-load.js';
import { startShop } from './start-shop.js';

/** The storefront's targets (issue "A storefront people would buy from"). */
const minimumScores: Record<Category, number> = {
  performance: 90,
  accessibility: 95,
  'best-practices': 95,
  seo: 90,
};
const maxFirstLoadGzipBytes = 170 * 1024;

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Number(args.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error('--runs takes a whole number of runs per page, 1 or more');
  process.exit(2);
}
const reports = fileURLToPath(new URL('../../../.data/lighthouse/', import.meta.url));
const print = (line: string) => process.stdout.write(`${line}\n`);

/** A popular product of the demo catalogue, once it is seeded and searchable. */
async function demoProduct(router: string): Promise<{ id: string; term: string }> {
  const query = `query ($text: String) {
    products(first: 1, search: { text: $text, sort: POPULARITY }) { nodes { id name } }
  }`;
  const first = async (text?: string) => {
    const answer = await fetch(router, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables: { text } }),
    });
    const body = (await answer.json()) as {
      data?: { products: { nodes: { id: string; name: string }[] } };
    };
    return body.data?.products.nodes[0];
  };
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const product = await first();
    const term = product?.name.split(' ')[0];
    if (product && term && (await first(term))) return { id: product.id, term };
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error('the demo catalogue was not searchable within 3 minutes');
}

const shop = await startShop();
let missed = false;
try {
  const { id, term } = await demoProduct(shop.router);
  const pages = {
    home: shop.storefront,
    search: `${shop.storefront}search?q=${encodeURIComponent(term)}`,
    product: `${shop.storefront}products/${id}`,
  };
  const audits = await auditPages(Object.values(pages), runs);
  mkdirSync(reports, { recursive: true });
  print(`Lighthouse, mobile, median of ${runs} run(s) per page:`);
  Object.entries(pages).forEach(([name, url], index) => {
    const { scores, lcpMs, benchmarkIndex, report } = audits[index]!;
    writeFileSync(join(reports, `${name}.report.json`), report);
    const low = categories.filter((category) => scores[category] < minimumScores[category]);
    missed ||= low.length > 0;
    const figures = categories.map((category) => `${category} ${scores[category]}`).join('  ');
    const note = low.length ? `  (below target: ${low.join(', ')})` : '';
    print(
      `${name.padEnd(8)} ${figures}  LCP ${(lcpMs / 1000).toFixed(1)} s` +
        `  (CPU benchmark ${Math.round(benchmarkIndex)})${note}  ${url}`,
    );
  });
  const storefront = firstLoad(clientDist, 'storefront');
  const over = storefront.gzipBytes > maxFirstLoadGzipBytes;
  missed ||= over;
  print(
    `storefront first-load JavaScript: ${(storefront.gzipBytes / 1024).toFixed(1)} KB gzip in ` +
      `${storefront.files.length} files${over ? ` (over ${maxFirstLoadGzipBytes / 1024} KB)` : ''}`,
  );
  print(`reports: ${reports}`);
} finally {
  await shop.stop();
}
process.exitCode = missed ? 1 : 0;
