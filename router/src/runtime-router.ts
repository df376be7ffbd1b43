import { listingGeneration } from '@shop/contracts';
import { loadConfig } from '@shop/kit';
import type { InternalTokens } from '@shop/kit/identity';
import type { Runtime, ServiceName } from '@shop/kit/service';
import { routerSettingsSchema, type RouterSettings } from './config.js';
import type { RouterDeps } from './create-router.js';

export interface RuntimeRouterOptions {
  /** Default: the runtime's router port (`SHOP_PORT_ROUTER`, 4000). */
  port?: number;
  /** Default: `SHOP_METRICS_PORT` (0: a free port; see `RunningRouter.metricsUrl`). */
  metricsPort?: number;
  supergraphFile?: string;
}

/**
 * The router's settings and dependencies inside a shop process (`pnpm start`, system tests): the
 * runtime's logger, metrics registry, Redis and internal-token signer (whose secret the embedded
 * run generates), and subgraph addresses from the runtime (`SHOP_SERVICE_URL_<NAME>`, each a list
 * of instances, / `SHOP_PORT_<NAME>`) unless `SHOP_SUBGRAPH_URL_<NAME>` says otherwise.
 */
export function fromRuntime(
  runtime: Runtime,
  options: RuntimeRouterOptions = {},
): { settings: RouterSettings; deps: RouterDeps & { internalTokens: InternalTokens } } {
  const settings = loadConfig('router', routerSettingsSchema, runtime.env);
  return {
    settings: {
      ...settings,
      NODE_ENV: runtime.config.NODE_ENV,
      SHOP_INFRA: runtime.mode,
      SHOP_HOST: runtime.config.SHOP_HOST,
      SHOP_PORT_ROUTER: options.port ?? runtime.portOf('router'),
      SHOP_METRICS_PORT: options.metricsPort ?? settings.SHOP_METRICS_PORT,
      SHOP_SUPERGRAPH_FILE: options.supergraphFile ?? settings.SHOP_SUPERGRAPH_FILE,
    },
    deps: {
      logger: runtime.logger.child({ component: 'router' }),
      registry: runtime.metricsRegistry,
      redis: runtime.redis,
      internalTokens: runtime.internalTokens,
      catalogCache: runtime.cache(listingGeneration.prefix),
      subgraphUrl: (name) =>
        runtime
          .instanceUrlsOf(name as ServiceName)
          .map((url) => `${url}/graphql`)
          .join(','),
    },
  };
}
