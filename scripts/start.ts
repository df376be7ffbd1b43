// `pnpm start`: the whole shop in one process on the embedded adapters (SQLite, in-process events,
// memory caches), or on the real services with SHOP_INFRA=real after `pnpm infra:up`.
// `pnpm start --processes [--replicas order=2,payment=2]`: every service in a process of its own
// on the real services, supervised (restarted when it dies), as production runs them.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { applyInfraEnv, publishScrapeTargets, type ScrapeTarget } from '@shop/infra';
import { createLogger, loadConfig, logFormatSchema } from '@shop/kit';
import { exitOnConfigError, installShutdownHandlers, type Stoppable } from '@shop/kit/ops';
import { createRuntime, startService, type RunningService } from '@shop/kit/service';
import { nameServiceOnPort, startTracing, tracingConfigSchema } from '@shop/kit/tracing';
import { startCarrierSandbox, defaultCarrierSandboxPort } from '@shop/carrier-sandbox';
import { defaultPgSandboxPort, startPgSandbox } from '@shop/pg-sandbox';
import { clientManifest, defaultClientPort, startClientServer } from '@shop/client/server';
import { createRouter } from '@shop/router';
import { ensureClientBuilt } from './client-build.js';
import { seedDemoOrders } from './demo-orders.js';
import { startBanner, type ShopAddresses } from './start-banner.js';
import { subgraphs } from './subgraphs.js';
import { parseReplicas, scrapeTargetsOf, startSupervisor } from './supervisor.js';

const { values: args } = parseArgs({
  options: { processes: { type: 'boolean', default: false }, replicas: { type: 'string' } },
});
if (args.replicas && !args.processes) {
  console.error('--replicas needs --processes: one process holds one instance of each service.');
  process.exit(2);
}
// Processes share no memory: events, caches and limits must live in the real services.
if (args.processes) process.env.SHOP_INFRA ??= 'real';
if (process.env.SHOP_INFRA === 'real' && !applyInfraEnv()) {
  console.error('SHOP_INFRA=real but .data/infra/shop.env is missing: run `pnpm infra:up` first.');
  process.exit(1);
}
if (args.processes && process.env.SHOP_INFRA !== 'real') {
  console.error('--processes runs on the real services: unset SHOP_INFRA or set it to real.');
  process.exit(2);
}
// A first start fills the shop with the demo catalogue (SHOP_SEED_DEMO=false to start empty).
process.env.SHOP_SEED_DEMO ??= 'true';
const host = process.env.SHOP_HOST ?? '127.0.0.1';
const defaultRouterMetricsPort = 4090;
// A terminal gets lines a person reads; a pipe or a file gets JSON, one object a line.
process.env.SHOP_LOG_FORMAT ??= process.stdout.isTTY ? 'pretty' : 'json';
const logFormat = logFormatSchema.parse(process.env.SHOP_LOG_FORMAT);
const logger = createLogger('shop', {
  level: process.env.SHOP_LOG_LEVEL ?? 'info',
  format: logFormat,
});
// Traced (SHOP_TRACING=zipkin) from here on, with what this process serves itself: the sandboxes
// and the client server; flushed last.
const tracing = exitOnConfigError(() =>
  startTracing('shop', loadConfig('shop', tracingConfigSchema)),
);
const started: Stoppable[] = [{ name: 'tracing', stop: () => tracing.flush() }];
// The outside world: a PG sandbox, unless SHOP_PG_URL points at a PG.
if (!process.env.SHOP_PG_URL) {
  const pg = await startPgSandbox({
    port: Number(process.env.SHOP_PORT_PG ?? defaultPgSandboxPort),
  });
  process.env.SHOP_PG_URL = pg.url;
  nameServiceOnPort(pg.port, 'pg-sandbox');
  started.push({ name: 'pg-sandbox', stop: () => pg.stop() });
}
// …and a carrier sandbox, unless SHOP_CARRIER_URL points at a carrier.
if (!process.env.SHOP_CARRIER_URL) {
  process.env.SHOP_CARRIER_WEBHOOK_SECRET ??= randomBytes(24).toString('hex');
  const carrier = await startCarrierSandbox({
    port: Number(process.env.SHOP_PORT_CARRIER ?? defaultCarrierSandboxPort),
    webhookSecret: process.env.SHOP_CARRIER_WEBHOOK_SECRET,
  });
  process.env.SHOP_CARRIER_URL = carrier.url;
  nameServiceOnPort(carrier.port, 'carrier-sandbox');
  started.push({ name: 'carrier-sandbox', stop: () => carrier.stop() });
}
ensureClientBuilt((message) => logger.info(message));
// The apps' operations resolve by id at the router (and in production nothing else runs).
process.env.SHOP_OPERATION_MANIFESTS ??= clientManifest;
// The apps reach the router through the client server on this machine, which names the browser's
// address in X-Forwarded-For: the router's per-address limits and sign-in throttle count browsers.
process.env.SHOP_TRUSTED_PROXIES ??= 'loopback';

let routerUrl: string;
let mediaOrigin: string;
let scrapeTargets: ScrapeTarget[];
if (args.processes) {
  // A fixed port for the router's metrics, so Prometheus can be told where they are.
  process.env.SHOP_METRICS_PORT ??= String(defaultRouterMetricsPort);
  const supervisor = startSupervisor({
    replicas: parseReplicas(args.replicas),
    env: process.env,
    host,
  });
  started.push({ name: 'services', stop: () => supervisor.stop() });
  await supervisor.ready();
  const first = (name: string) =>
    supervisor.instances.find((instance) => instance.service === name);
  routerUrl = `${first('router')?.url}/graphql`;
  mediaOrigin = first('product')?.url ?? '';
  scrapeTargets = scrapeTargetsOf(supervisor.instances, Number(process.env.SHOP_METRICS_PORT));
  logger.info(
    {
      instances: Object.fromEntries(
        supervisor.instances.map((instance) => [instance.id, instance.url]),
      ),
    },
    'services ready',
  );
} else {
  const runtime = exitOnConfigError(() => createRuntime('shop'));
  const services: RunningService[] = [];
  for (const definition of subgraphs) {
    services.push(await exitOnConfigError(() => startService(definition, runtime)));
  }
  const router = await createRouter(runtime);
  routerUrl = router.url;
  mediaOrigin = runtime.baseUrlOf('product');
  // The subgraphs and the router of one process share a registry, which each of them serves:
  // one target, or Prometheus would keep every series twice and every sum over them would double.
  scrapeTargets = [{ address: new URL(router.metricsUrl).host, instance: 'shop' }];
  // The router drains first; then the subgraphs stop together (each waits on its consumers).
  started.push({ name: 'runtime', stop: () => runtime.close() });
  started.push({
    name: 'subgraphs',
    stop: async () => void (await Promise.all(services.map((service) => service.stop()))),
  });
  started.push(router);
}
const client = await startClientServer({
  port: Number(process.env.SHOP_PORT_CLIENT ?? defaultClientPort),
  host,
  routerUrl,
  mediaOrigin,
  pgCheckoutUrl: `${process.env.SHOP_PG_URL}/checkout`,
  pgClientKey: process.env.SHOP_PG_CLIENT_KEY ?? 'test_ck_sandbox',
});
nameServiceOnPort(Number(new URL(client.url).port), 'client');
started.push({ name: 'client', stop: () => client.stop() });
// Prometheus (pnpm infra:up) scrapes a shop on the real services while it runs.
if (process.env.SHOP_INFRA === 'real') {
  const withdraw = publishScrapeTargets('shop', scrapeTargets);
  started.push({ name: 'scrape-targets', stop: async () => withdraw() });
}
// Stopped first: a stop while the demo orders are being placed interrupts them, and is no failure.
const demoOrders = new AbortController();
started.push({ name: 'demo-orders', stop: async () => demoOrders.abort() });
installShutdownHandlers(started.reverse(), logger);
const addresses: ShopAddresses = {
  mode: args.processes ? 'processes' : process.env.SHOP_INFRA === 'real' ? 'real' : 'embedded',
  storefront: `${client.url}/`,
  admin: `${client.url}/admin/`,
  router: routerUrl,
  // The router serves its IDE to browsers outside production.
  ide: process.env.NODE_ENV === 'production' ? undefined : routerUrl,
};
// A person gets a banner; a program reading JSON gets the same as the last line of the start.
if (logFormat === 'pretty') process.stdout.write(startBanner(addresses));
else logger.info(addresses, 'shop running');
// The demo catalogue comes with a demo shopper's paid orders, once the catalogue is searchable.
if (process.env.SHOP_SEED_DEMO === 'true')
  seedDemoOrders({
    routerUrl,
    pgUrl: process.env.SHOP_PG_URL,
    logger,
    signal: demoOrders.signal,
  }).catch((error: unknown) =>
    demoOrders.signal.aborted
      ? logger.info('demo orders interrupted by the stop; the next start places them')
      : logger.error({ err: error }, 'demo orders not placed; the next start tries again'),
  );
