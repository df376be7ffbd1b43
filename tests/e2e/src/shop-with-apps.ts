import type { Browser } from 'playwright-core';
import { clientManifest, startClientServer, type RunningClientServer } from '@shop/client/server';
import { ensureClientBuilt } from '../../../scripts/client-build.js';
import { browserAvailable, chromiumPath, launchBrowser } from './browser.js';
import { describeOnEachShop, shopRuns, type ShopRun } from './shop-runs.js';
import { startShop, type ShopUnderTest } from './shop-under-test.js';

const browserMissing = browserAvailable
  ? undefined
  : `no browser at ${chromiumPath}: run scripts/install-system-packages.sh`;
if (browserMissing && process.env.SHOP_TEST_INFRA === 'required') throw new Error(browserMissing);

/** A browser suite's two runs, embedded and on the real services, each with why it cannot run. */
const browserRuns = shopRuns.map((run) => ({ ...run, skip: browserMissing ?? run.skip }));

/** A browser suite, run on the embedded shop and on the real services: `title (embedded)`, … */
export function describeInChromium(title: string, suite: (run: ShopRun) => void): void {
  describeOnEachShop(title, suite, browserRuns);
}

export interface ShopWithApps {
  shop: ShopUnderTest;
  /** The storefront and admin, served as `pnpm start` serves them. */
  client: RunningClientServer;
  browser: Browser;
  stop(): Promise<void>;
}

/** The shop, its apps' server (the built client) and Chromium. */
export async function startShopWithApps(
  env: Record<string, string | undefined>,
): Promise<ShopWithApps> {
  ensureClientBuilt(() => {});
  const shop = await startShop({ ...env, SHOP_OPERATION_MANIFESTS: clientManifest });
  const client = await startClientServer({
    port: 0,
    routerUrl: shop.router.url,
    mediaOrigin: shop.shop.runtime.baseUrlOf('product'),
    pgCheckoutUrl: `${shop.pg.url}/checkout`,
    pgClientKey: 'test_ck_sandbox',
  });
  const browser = await launchBrowser();
  return {
    shop,
    client,
    browser,
    stop: async () => {
      await browser.close();
      await client.stop();
      await shop.stop();
    },
  };
}
