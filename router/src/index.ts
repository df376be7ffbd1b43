// The router on its own: `pnpm --filter @shop/router start` (`pnpm start` runs it with the shop).
import { ConfigError, createLogger } from '@shop/kit';
import { installShutdownHandlers } from '@shop/kit/ops';
import { loadRouterConfig, type RouterConfig } from './config.js';
import { createRouter } from './create-router.js';

let config: RouterConfig;
try {
  config = loadRouterConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}
const logger = createLogger('router', { level: config.SHOP_LOG_LEVEL });
const router = await createRouter(config, { logger });
installShutdownHandlers([router], logger);
