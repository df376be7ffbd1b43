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
import {
  ServiceInstances,
  createInternalClient,
  parseInstanceUrls,
  type InternalClient,
} from '../internal-http/index.js';
import { createLogger, type Logger } from '../logger.js';
import { startTracing } from '../tracing/start-tracing.js';
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
  /**
   * Where each instance of a service is: `SHOP_SERVICE_URL_<NAME>` (one URL or a comma-separated
   * list), else this host and `SHOP_PORT_<NAME>`.
   */
  instanceUrlsOf(service: ServiceName): string[];
  /** The first instance's URL: where a service says it can be reached (its own webhooks, media). */
  baseUrlOf(service: ServiceName): string;
  /** A service's instances, balanced and health-checked: one pool per service per process. */
  instancesOf(service: ServiceName): ServiceInstances;
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
  // First, so the clients and servers made below are traced from their first call.
  const tracing = startTracing(processName, config);
  const logger = createLogger(processName, {
    level: env.SHOP_LOG_LEVEL ?? 'info',
    format: config.SHOP_LOG_FORMAT,
  });
  const mode = config.SHOP_INFRA;
  const metricsRegistry = new Registry();
  const transport = createTransport(
    mode === 'real'
      ? {
          kind: 'kafka',
          brokers: config.SHOP_KAFKA_BROKERS.split(','),
          namespace: config.SHOP_KAFKA_NAMESPACE,
        }
      : { kind: 'in-process' },
    `shop-${processName}`,
    logger,
    metricsRegistry,
  );
  const internalTokens = new InternalTokens(
    config.SHOP_INTERNAL_SECRET ?? embeddedInternalSecret(config.SHOP_DATA_DIR),
  );
  const redis =
    mode === 'real' ? new Redis(config.SHOP_REDIS_URL, { maxRetriesPerRequest: 2 }) : undefined;
  const portOf = (service: ServiceName) =>
    Number(env[`SHOP_PORT_${service.toUpperCase()}`] ?? defaultPorts[service]);
  const instanceUrlsOf = (service: ServiceName) => {
    const listed = parseInstanceUrls(env[`SHOP_SERVICE_URL_${service.toUpperCase()}`] ?? '');
    return listed.length > 0 ? listed : [`http://${config.SHOP_HOST}:${portOf(service)}`];
  };
  const baseUrlOf = (service: ServiceName) => instanceUrlsOf(service)[0] as string;
  const pools = new Map<ServiceName, ServiceInstances>();
  const instancesOf = (service: ServiceName) => {
    let pool = pools.get(service);
    if (!pool) {
      pool = new ServiceInstances({
        target: service,
        service: processName,
        urls: instanceUrlsOf(service),
        logger,
        metricsRegistry,
      });
      pools.set(service, pool);
    }
    return pool;
  };
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
    instanceUrlsOf,
    baseUrlOf,
    instancesOf,
    cache,
    internalClient: (from, target) =>
      createInternalClient({
        service: from,
        target,
        instances: instancesOf(target),
        token: () => serviceToken(from),
        timeoutMs: config.SHOP_INTERNAL_TIMEOUT_MS,
        retries: 2,
        breaker: { consecutiveFailures: 5, halfOpenAfterMs: 5000 },
        logger: logger.child({ component: 'internal-http', from, target }),
        metricsRegistry,
      }),
    close: async () => {
      await transport.close();
      for (const pool of pools.values()) await pool.close();
      redis?.disconnect();
      // The last spans (this shutdown's included) leave before the process does.
      await tracing.flush();
    },
  };
}
