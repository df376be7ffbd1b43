// `pnpm bench:checkout`: the checkout section of `pnpm bench` on its own, on a shop without the
// demo catalogue.
//   pnpm bench:checkout [--seconds 10] [--infra real|embedded] [--processes]
//     [--cpu-prof <dir>]   the shop's CPU profiles (one per process) written there
import { parseArgs } from 'node:util';
import { applyInfraEnv } from '@shop/infra';
import { adminSession } from './admin-session.js';
import { checkoutReport, checkoutShopEnv, measureCheckout } from './sections/checkout.js';
import { benchEventsEnv, cpuProfileEnv, startShopProcess } from './shop-process.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    infra: { type: 'string', default: 'real' },
    processes: { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
  },
});
const real = values.infra === 'real';
if (real && !applyInfraEnv()) {
  console.error('No connection settings for the real services: run `pnpm infra:up` first.');
  process.exit(1);
}

console.error(`starting the shop (${real ? 'real services' : 'embedded'})…`);
const profiling = cpuProfileEnv(values['cpu-prof']);
const shop = await startShopProcess(
  {
    SHOP_INFRA: real ? 'real' : 'embedded',
    SHOP_SEED_DEMO: 'false',
    ...benchEventsEnv,
    ...checkoutShopEnv,
    ...profiling,
  },
  0,
  { args: values.processes ? ['--processes'] : [] },
);
try {
  const figures = await measureCheckout(shop, await adminSession(shop), {
    seconds: Number(values.seconds),
  });
  console.log(`\n${real ? 'Real services' : 'Embedded'}. ${checkoutReport(figures)}`);
  if (!figures.oversell.conserved) process.exitCode = 1;
} finally {
  await shop.stop();
}
