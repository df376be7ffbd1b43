import type { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';

export interface RateLimiterSettings {
  /** Namespaces the counters, e.g. `login-ip`. */
  keyPrefix: string;
  points: number;
  durationSeconds: number;
  /** Once over the limit, stay blocked this long (0: until the window ends). */
  blockSeconds?: number;
}

/** Redis-backed counters shared by every instance in real runs; memory in the embedded run. */
export function createRateLimiter(
  settings: RateLimiterSettings,
  redis?: Redis,
): RateLimiterAbstract {
  const options = {
    keyPrefix: settings.keyPrefix,
    points: settings.points,
    duration: settings.durationSeconds,
    blockDuration: settings.blockSeconds ?? 0,
  };
  return redis
    ? new RateLimiterRedis({ ...options, storeClient: redis, useRedisPackage: false })
    : new RateLimiterMemory(options);
}

export type LimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Spends `points` for `key`; a refusal says how long to wait. Store errors propagate. */
export async function spend(
  limiter: RateLimiterAbstract,
  key: string,
  points = 1,
): Promise<LimitDecision> {
  try {
    await limiter.consume(key, points);
    return { allowed: true };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)),
      };
    }
    throw rejection;
  }
}
