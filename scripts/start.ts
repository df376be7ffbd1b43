// `pnpm start`: the whole shop in one process on the embedded adapters (SQLite, in-process events,
// memory caches), or on the real services with SHOP_INFRA=real after `pnpm infra:up`.
import { randomBytes } from 'node:crypto';
import { applyInfraEnv } from '@shop/infra';
import { installShutdownHandlers, type Stoppable } from '@shop/kit/ops';
import { createRuntime, startService } from '@shop/kit/service';
import { startCarrierSandbox } from '@shop/carrier-sandbox';
import { startPgSandbox } from '@shop/pg-sandbox';
import { clientManifest, startClientServer } from '@shop/client/server';
import { createRouter } from '@shop/router';
import { ensureClientBuilt } from './client-build.js';
import { subgraphs } from './subgraphs.js';

if (process.env.SHOP_INFRA === 'real' && !applyInfraEnv()) {
  console.error('SHOP_INFRA=real but .data/infra/shop.env is missing: run `pnpm infra:up` first.');
  process.exit(1);
}
// A first start fills the shop with the demo catalogue (SHOP_SEED_DEMO=false to start empty).
process.env.SHOP_SEED_DEMO ??= 'true';
const started: Stoppable[] = [];
// The outside world: a PG sandbox, unless SHOP_PG_URL points at a PG.
if (!process.env.SHOP_PG_URL) {
  const pg = await startPgSandbox({ port: Number(process.env.SHOP_PORT_PG ?? 4190) });
  process.env.SHOP_PG_URL = pg.url;
  started.push({ name: 'pg-sandbox', stop: () => pg.stop() });
}
// …and a carrier sandbox, unless SHOP_CARRIER_URL points at a carrier.
if (!process.env.SHOP_CARRIER_URL) {
  process.env.SHOP_CARRIER_WEBHOOK_SECRET ??= randomBytes(24).toString('hex');
  const carrier = await startCarrierSandbox({
    port: Number(process.env.SHOP_PORT_CARRIER ?? 4191),
    webhookSecret: process.env.SHOP_CARRIER_WEBHOOK_SECRET,
  });
  process.env.SHOP_CARRIER_URL = carrier.url;
  started.push({ name: 'carrier-sandbox', stop: () => carrier.stop() });
}
ensureClientBuilt((message) => console.log(message));
// The apps' operations resolve by id at the router (and in production nothing else runs).
process.env.SHOP_OPERATION_MANIFESTS ??= clientManifest;
const runtime = createRuntime('shop');
for (const definition of subgraphs) {
  const service = await startService(definition, runtime);
  runtime.logger.info({ subgraph: service.name, url: service.url }, 'subgraph ready');
  started.push(service);
}
const router = await createRouter(runtime);
runtime.logger.info({ url: router.url }, 'router ready');
started.push(router);
const client = await startClientServer({
  port: Number(process.env.SHOP_PORT_CLIENT ?? 5173),
  host: runtime.config.SHOP_HOST,
  routerUrl: router.url,
  mediaOrigin: runtime.baseUrlOf('product'),
  pgCheckoutUrl: `${process.env.SHOP_PG_URL}/checkout`,
  pgClientKey: process.env.SHOP_PG_CLIENT_KEY ?? 'test_ck_sandbox',
});
runtime.logger.info({ storefront: client.url, admin: `${client.url}/admin/` }, 'apps ready');
started.push({ name: 'client', stop: () => client.stop() });
installShutdownHandlers(
  [...started.reverse(), { name: 'runtime', stop: () => runtime.close() }],
  runtime.logger,
);
runtime.logger.info(`shop running (${runtime.mode})`);
