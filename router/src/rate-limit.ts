import type { Redis } from 'ioredis';
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { Identity } from '@shop/kit/identity';
import { RequestRefused } from './refusal.js';

export interface RateLimits {
  /** Requests per minute per client IP, for anonymous clients (and bad tokens). */
  ipPerMinute: number;
  /** Requests per minute per user, for clients with a valid token. */
  userPerMinute: number;
}

const windowSeconds = 60;

function limiter(keyPrefix: string, points: number, redis: Redis | undefined): RateLimiterAbstract {
  const options = { keyPrefix, points, duration: windowSeconds };
  if (!redis) return new RateLimiterMemory(options);
  return new RateLimiterRedis({
    ...options,
    storeClient: redis,
    // While Redis is unreachable, count in this process instead of failing every request.
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory(options),
  });
}

/**
 * Per-user budgets for authenticated clients, per-IP budgets for anonymous ones and per-partner
 * budgets for partner keys, kept apart:
 * one user's exhaustion never touches another user, and many users behind one NAT do not share a
 * budget. Counters live in Redis when given (every router instance shares them), else in memory.
 */
export class RequestRateLimiter {
  private readonly perIp: RateLimiterAbstract;
  private readonly perUser: RateLimiterAbstract;
  /** Per partner, by its own limit: a limiter per distinct limit, keyed by partner id. */
  private readonly perPartner = new Map<number, RateLimiterAbstract>();

  constructor(
    limits: RateLimits,
    private readonly redis?: Redis,
  ) {
    this.perIp = limiter('router-ip', limits.ipPerMinute, redis);
    this.perUser = limiter('router-user', limits.userPerMinute, redis);
  }

  /** Spends one request of the caller's budget; throws a 429 refusal when it is spent. */
  async spend(identity: Identity, clientIp: string): Promise<void> {
    if (identity.kind === 'user') return consume(this.perUser, identity.userId, 'this account');
    return consume(this.perIp, clientIp, 'this address');
  }

  /** A partner's requests count against its own budget only, whatever addresses they come from. */
  async spendPartner(partner: { partnerId: string; rateLimitPerMinute: number }): Promise<void> {
    const points = partner.rateLimitPerMinute;
    let budget = this.perPartner.get(points);
    if (!budget) {
      budget = limiter(`router-partner-${points}`, points, this.redis);
      this.perPartner.set(points, budget);
    }
    return consume(budget, partner.partnerId, 'this partner');
  }
}

async function consume(budget: RateLimiterAbstract, key: string, who: string): Promise<void> {
  try {
    await budget.consume(key);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw new RequestRefused({
      status: 429,
      code: 'RATE_LIMITED',
      message: `Too many requests from ${who}: try again in ${retryAfter} seconds.`,
      headers: { 'retry-after': String(retryAfter) },
      extensions: { retryAfterSeconds: retryAfter },
    });
  }
}
