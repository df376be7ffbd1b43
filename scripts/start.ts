// `pnpm start`: the whole shop in one process on the embedded adapters (SQLite, in-process events,
// memory caches), or on the real services with SHOP_INFRA=real after `pnpm infra:up`.
import { applyInfraEnv } from '@shop/infra';
import { installShutdownHandlers, type Stoppable } from '@shop/kit/ops';
import { createRuntime, startService } from '@shop/kit/service';
import { createRouter } from '@shop/router';
import { subgraphs } from './subgraphs.js';

if (process.env.SHOP_INFRA === 'real' && !applyInfraEnv()) {
  console.error('SHOP_INFRA=real but .data/infra/shop.env is missing: run `pnpm infra:up` first.');
  process.exit(1);
}
// A first start fills the shop with the demo catalogue (SHOP_SEED_DEMO=false to start empty).
process.env.SHOP_SEED_DEMO ??= 'true';
const runtime = createRuntime('shop');
const started: Stoppable[] = [];
for (const definition of subgraphs) {
  const service = await startService(definition, runtime);
  runtime.logger.info({ subgraph: service.name, url: service.url }, 'subgraph ready');
  started.push(service);
}
const router = await createRouter(runtime);
runtime.logger.info({ url: router.url }, 'router ready');
started.push(router);
installShutdownHandlers(
  [...started.reverse(), { name: 'runtime', stop: () => runtime.close() }],
  runtime.logger,
);
runtime.logger.info(`shop running (${runtime.mode})`);
