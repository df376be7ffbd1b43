// `pnpm bench:flash-sale`: a first-come sale on the real services with the demo catalogue (the
// listing is measured beside it), on its own.
//   pnpm bench:flash-sale [--buyers 3000] [--units 100] [--arrival-seconds 10] [--listing-rate 100]
//     [--cpu-prof <dir>]   the shop's CPU profile (.cpuprofile, for Chrome DevTools) written there
//     [--baseline <commit>]  the same sale again on that commit (a worktree), with ratios
//     [--processes]  every service in a process of its own (all on the shop's core)
import { parseArgs } from 'node:util';
import { applyInfraEnv } from '@shop/infra';
import { adminSession } from './admin-session.js';
import { checkOutBaseline } from './baseline/baseline-commit.js';
import { seededBaselineShopEnv } from './baseline/baseline-databases.js';
import { checkoutShopEnv } from './sections/checkout.js';
import {
  flashSaleComparison,
  flashSaleReport,
  measureFlashSale,
  type FlashSaleFigures,
} from './sections/flash-sale.js';
import {
  cpuProfileEnv,
  demoCatalogueListed,
  seededRealShopEnv,
  startShopProcess,
} from './shop-process.js';

const { values } = parseArgs({
  options: {
    buyers: { type: 'string', default: '3000' },
    units: { type: 'string', default: '100' },
    'arrival-seconds': { type: 'string', default: '10' },
    'listing-rate': { type: 'string', default: '100' },
    'cpu-prof': { type: 'string' },
    baseline: { type: 'string' },
    processes: { type: 'boolean', default: false },
  },
});
if (!applyInfraEnv()) {
  console.error('No connection settings for the real services: run `pnpm infra:up` first.');
  process.exit(1);
}

const baseline = values.baseline ? checkOutBaseline(values.baseline) : undefined;
const sale = {
  buyers: Number(values.buyers),
  units: Number(values.units),
  arrivalSeconds: Number(values['arrival-seconds']),
  listingRate: Number(values['listing-rate']),
};

/** The sale on a shop started from `root` (this checkout unless given), its figures printed. */
async function measureSaleOn(
  label: string,
  env: Record<string, string>,
  root?: string,
): Promise<FlashSaleFigures> {
  console.error(`starting ${label}'s shop (real services)…`);
  const shop = await startShopProcess(
    { ...env, ...checkoutShopEnv, ...cpuProfileEnv(values['cpu-prof']) },
    demoCatalogueListed,
    { root, args: values.processes ? ['--processes'] : [] },
  );
  try {
    const figures = await measureFlashSale(shop, await adminSession(shop), sale);
    const topology = values.processes ? 'every service its own process' : 'one process';
    console.log(`\n${label}, real services, ${topology}, on one core. ${flashSaleReport(figures)}`);
    if (!figures.conserved) process.exitCode = 1;
    return figures;
  } finally {
    await shop.stop();
  }
}

const figures = await measureSaleOn('This commit', await seededRealShopEnv());
if (baseline) {
  const baselineEnv = await seededBaselineShopEnv(baseline);
  const against = await measureSaleOn(baseline.short, baselineEnv, baseline.root);
  console.log(`\n${flashSaleComparison(figures, against, baseline.short)}`);
}
