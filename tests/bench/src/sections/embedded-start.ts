// `pnpm start` on the embedded default: the time from launch until the router lists the demo
// catalogue, on a first start (which seeds it) and on a restart over the same data, and the
// process's memory (RSS) once ready and after a burst of storefront traffic.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load } from '../load.js';
import { demoCatalogueListed, rssMb, startShopProcess } from '../shop-process.js';
import { listing } from '../storefront-queries.js';

export interface EmbeddedStartFigures {
  firstStartSeconds: number;
  restartSeconds: number;
  readyRssMb: number;
  loadedRssMb: number;
}

export async function measureEmbeddedStart(): Promise<EmbeddedStartFigures> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'shop-bench-embedded-'));
  // What a newcomer's `pnpm start` does: development mode, seeding the demo catalogue.
  const env = { SHOP_INFRA: 'embedded', NODE_ENV: 'development', SHOP_SEED_DEMO: 'true' };
  try {
    const timedStart = async () => {
      const started = performance.now();
      const shop = await startShopProcess(env, demoCatalogueListed, {
        dataDir,
        waitUntilQuiet: false,
      });
      return { shop, seconds: (performance.now() - started) / 1000 };
    };
    console.error('  first start (seeds the demo catalogue)…');
    const first = await timedStart();
    await first.shop.stop();
    console.error('  restart over the same data…');
    const again = await timedStart();
    try {
      const readyRssMb = rssMb(again.shop.pid);
      await load(
        again.shop.routerUrl,
        [{ query: listing, variables: { search: { sort: 'POPULARITY' } } }],
        { seconds: 5, connections: 16 },
      );
      return {
        firstStartSeconds: first.seconds,
        restartSeconds: again.seconds,
        readyRssMb,
        loadedRssMb: rssMb(again.shop.pid),
      };
    } finally {
      await again.shop.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
