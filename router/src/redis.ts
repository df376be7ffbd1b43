import { once } from 'node:events';
import { Redis } from 'ioredis';
import type { Logger } from '@shop/kit';

/**
 * The router's own Redis client for rate-limit counters. No offline queue: while Redis is away
 * commands fail at once and the limiter counts in memory instead. Waits up to `waitMs` for the
 * connection, so the first requests are counted where all the others are; starts anyway if Redis
 * is not there (and says so once, not on every retry).
 */
export async function connectRedis(url: string, logger: Logger, waitMs = 2_000): Promise<Redis> {
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  let down = false;
  redis.on('error', (error) => {
    if (!down) logger.warn({ err: error }, 'redis unreachable: rate limits counted in memory');
    down = true;
  });
  redis.on('ready', () => {
    if (down) logger.info('redis reachable again');
    down = false;
  });
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    // An 'error' event rejects this: no point waiting for a connection that was refused.
    once(redis, 'ready').catch(() => undefined),
    new Promise((resolve) => (timer = setTimeout(resolve, waitMs))),
  ]).finally(() => clearTimeout(timer));
  return redis;
}
