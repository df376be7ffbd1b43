import { Redis } from 'ioredis';
import { Registry } from 'prom-client';
import type { InfraMode } from '../config.js';
import { loadConfig } from '../config.js';
import type { Cache } from '../cache/cache.js';
import { MemoryCache } from '../cache/memory-cache.js';
import { RedisCache } from '../cache/redis-cache.js';
import { createTransport } from '../events/create-transport.js';
import type { EventTransport } from '../events/transport.js';
import { InternalTokens } from '../identity/internal-token.js';
import { createInternalClient, type InternalClient } from '../internal-http/index.js';
import { createLogger, type Logger } from '../logger.js';
import { embeddedInternalSecret } from './embedded-secret.js';
import { runtimeConfigSchema, type RuntimeConfig } from './runtime-config.js';
import { defaultPorts, type ServiceName } from './service-names.js';

/**
 * What the services of one process share: the event transport (one in-process bus for the whole
 * embedded shop, a Kafka client otherwise), the internal-token keys, Redis and the metrics.
 */
export interface Runtime {
  mode: InfraMode;
  config: RuntimeConfig;
  env: Record<string, string | undefined>;
  logger: Logger;
  transport: EventTransport;
  internalTokens: InternalTokens;
  /** Present in real runs; the embedded run keeps counters and caches in memory. */
  redis: Redis | undefined;
  metricsRegistry: Registry;
  portOf(service: ServiceName): number;
  baseUrlOf(service: ServiceName): string;
  /**
   * A cache namespace (`catalog`, …) shared by everything in this process that asks for it —
   * services and the router: Redis in real runs, one in-memory store per namespace embedded.
   */
  cache(prefix: string): Cache;
  /** A client for `from` to call `target`'s internal API, with a service token. */
  internalClient(from: ServiceName, target: ServiceName): InternalClient;
  close(): Promise<void>;
}

export function createRuntime(
  processName: string,
  env: Record<string, string | undefined> = process.env,
): Runtime {
  const config = loadConfig(processName, runtimeConfigSchema, env);
  const logger = createLogger(processName, { level: env.SHOP_LOG_LEVEL ?? 'info' });
  const mode = config.SHOP_INFRA;
  const transport = createTransport(
    mode === 'real'
      ? { kind: 'kafka', brokers: config.SHOP_KAFKA_BROKERS.split(',') }
      : { kind: 'in-process' },
    `shop-${processName}`,
    logger,
  );
  const internalTokens = new InternalTokens(
    config.SHOP_INTERNAL_SECRET ?? embeddedInternalSecret(config.SHOP_DATA_DIR),
  );
  const redis =
    mode === 'real' ? new Redis(config.SHOP_REDIS_URL, { maxRetriesPerRequest: 2 }) : undefined;
  const metricsRegistry = new Registry();
  const portOf = (service: ServiceName) =>
    Number(env[`SHOP_PORT_${service.toUpperCase()}`] ?? defaultPorts[service]);
  const baseUrlOf = (service: ServiceName) =>
    env[`SHOP_SERVICE_URL_${service.toUpperCase()}`] ??
    `http://${config.SHOP_HOST}:${portOf(service)}`;
  const serviceToken = (from: ServiceName) =>
    internalTokens.sign({ via: from, identity: { kind: 'service', service: from } });
  const caches = new Map<string, Cache>();
  const cache = (prefix: string) => {
    let namespace = caches.get(prefix);
    if (!namespace) {
      namespace = redis ? new RedisCache(redis, prefix) : new MemoryCache();
      caches.set(prefix, namespace);
    }
    return namespace;
  };
  return {
    mode,
    config,
    env,
    logger,
    transport,
    internalTokens,
    redis,
    metricsRegistry,
    portOf,
    baseUrlOf,
    cache,
    internalClient: (from, target) =>
      createInternalClient({
        service: from,
        target,
        baseUrl: baseUrlOf(target),
        token: () => serviceToken(from),
        timeoutMs: config.SHOP_INTERNAL_TIMEOUT_MS,
        retries: 2,
        breaker: { consecutiveFailures: 5, halfOpenAfterMs: 5000 },
        logger: logger.child({ component: 'internal-http', from, target }),
        metricsRegistry,
      }),
    close: async () => {
      await transport.close();
      redis?.disconnect();
    },
  };
}
