import { Redis } from 'ioredis';
import type { InfraMode } from '../config.js';
import type { Logger } from '../logger.js';
import type { Cache } from './cache.js';
import { MemoryCache } from './memory-cache.js';
import { RedisCache } from './redis-cache.js';

export interface CacheConfig {
  mode: InfraMode;
  /** Required when `mode` is `real`. */
  redisUrl?: string;
  /** The service's namespace in the shared Redis, e.g. `catalog`. */
  prefix: string;
  /** Size bound of the embedded cache. */
  maxEntries?: number;
  /** Receives Redis connection errors (ioredis reconnects by itself meanwhile). */
  logger?: Logger;
}

/** Picks the cache for the run: Redis for real services, a bounded in-memory LRU embedded. */
export function createCache(config: CacheConfig): Cache {
  const { mode, redisUrl, prefix, logger } = config;
  if (mode === 'embedded') return new MemoryCache({ maxEntries: config.maxEntries });
  if (!redisUrl) throw new Error(`cache (${prefix}): the real run needs a Redis URL`);
  // Fail a command after one reconnect attempt instead of queueing it for seconds: a request
  // waiting on a dead cache is worse than one that sees the error.
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  if (logger) redis.on('error', (err: Error) => logger.warn({ err, prefix }, 'cache: Redis error'));
  return new RedisCache(redis, prefix);
}
