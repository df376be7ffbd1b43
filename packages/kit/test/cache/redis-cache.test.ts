import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { describe } from 'vitest';
import { RedisCache } from '../../src/cache/index.js';
import { describeCacheContract } from './cache.contract.js';

const redisUrl = process.env.SHOP_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** One connection attempt, no retries: the answer is "reachable now" or not. */
async function redisReachable(url: string): Promise<boolean> {
  const probe = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 1000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  probe.on('error', () => undefined); // connect() rejects with the same error
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

const reachable = await redisReachable(redisUrl);
if (!reachable && process.env.SHOP_TEST_INFRA === 'required') {
  throw new Error(`SHOP_TEST_INFRA=required and Redis is not reachable at ${redisUrl}`);
}

describe.skipIf(!reachable)(`Redis cache${reachable ? '' : ` (no Redis at ${redisUrl})`}`, () => {
  describeCacheContract({
    name: 'Redis',
    create: (prefix) => new RedisCache(new Redis(redisUrl), prefix),
    // Redis expires keys by its own clock, which no test can move: time has to pass for real.
    elapse: (ms) => sleep(ms),
  });
});
