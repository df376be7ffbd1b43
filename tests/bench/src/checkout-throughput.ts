// `pnpm bench:checkout`: the checkout section of `pnpm bench` on its own, on the real services (it
// reads MySQL's statement counters and product's ledger), on a shop without the demo catalogue, on
// fresh databases (this commit's and a baseline's alike).
//   pnpm bench:checkout [--seconds 10] [--processes]
//     [--cpu-prof <dir>]     the shop's CPU profiles (one per process) written there
//     [--baseline <commit>]  the same section again on that commit (a worktree), with ratios
import { parseArgs } from 'node:util';
import { applyInfraEnv } from '@shop/infra';
import { adminSession } from './admin-session.js';
import { checkOutBaseline } from './baseline/baseline-commit.js';
import {
  checkoutComparisonRows,
  checkoutReport,
  measureCheckout,
  startCheckoutShop,
  type CheckoutFigures,
} from './sections/checkout.js';
import { cpuProfileEnv } from './shop-process.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    processes: { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
    baseline: { type: 'string' },
  },
});
if (!applyInfraEnv()) {
  console.error('No connection settings for the real services: run `pnpm infra:up` first.');
  process.exit(1);
}
const baseline = values.baseline ? checkOutBaseline(values.baseline) : undefined;

/** The section on a shop started from `root` (this checkout unless given), its figures printed. */
async function measureOn(
  label: string,
  databases: string,
  root?: string,
): Promise<CheckoutFigures> {
  console.error(`starting ${label}'s shop (real services)…`);
  const shop = await startCheckoutShop(databases, {
    root,
    args: values.processes ? ['--processes'] : [],
    env: cpuProfileEnv(values['cpu-prof']),
  });
  try {
    const figures = await measureCheckout(shop, await adminSession(shop), {
      seconds: Number(values.seconds),
    });
    console.log(`\n${label}, real services. ${checkoutReport(figures)}`);
    if (!figures.oversell.conserved) process.exitCode = 1;
    return figures;
  } finally {
    await shop.stop();
  }
}

const figures = await measureOn('This commit', 'current');
if (baseline) {
  const against = await measureOn(baseline.short, baseline.short, baseline.root);
  console.log(
    [
      '',
      `| figure | ${baseline.short} | this commit | this ÷ ${baseline.short} |`,
      '|---|---:|---:|---:|',
      ...checkoutComparisonRows(figures, against),
    ].join('\n'),
  );
}
