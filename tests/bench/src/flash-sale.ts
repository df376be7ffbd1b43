// `pnpm bench:flash-sale`: a first-come sale on the real services with the demo catalogue (the
// listing is measured beside it), on its own.
//   pnpm bench:flash-sale [--buyers 3000] [--units 100] [--arrival-seconds 10] [--listing-rate 100]
//     [--cpu-prof <dir>]   the shop's CPU profile (.cpuprofile, for Chrome DevTools) written there
import { parseArgs } from 'node:util';
import { applyInfraEnv } from '@shop/infra';
import { adminSession } from './admin-session.js';
import { checkoutShopEnv } from './sections/checkout.js';
import { flashSaleReport, measureFlashSale } from './sections/flash-sale.js';
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
  },
});
if (!applyInfraEnv()) {
  console.error('No connection settings for the real services: run `pnpm infra:up` first.');
  process.exit(1);
}

const realShopEnv = await seededRealShopEnv();
console.error('starting the shop (real services)…');
const profiling = cpuProfileEnv(values['cpu-prof']);
const shop = await startShopProcess(
  { ...realShopEnv, ...checkoutShopEnv, ...profiling },
  demoCatalogueListed,
);
try {
  const figures = await measureFlashSale(shop, await adminSession(shop), {
    buyers: Number(values.buyers),
    units: Number(values.units),
    arrivalSeconds: Number(values['arrival-seconds']),
    listingRate: Number(values['listing-rate']),
  });
  console.log(`\nReal services, shop on one core. ${flashSaleReport(figures)}`);
  if (!figures.conserved) process.exitCode = 1;
} finally {
  await shop.stop();
}
