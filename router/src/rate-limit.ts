import type { Redis } from 'ioredis';
import type { Identity } from '@shop/kit/identity';
import { RequestRefused } from './refusal.js';
import { WriteBehindCounter } from './write-behind-counter.js';

export interface RateLimits {
  /** Requests per minute per client IP, for anonymous clients (and bad tokens). */
  ipPerMinute: number;
  /** Requests per minute per user, for clients with a valid token. */
  userPerMinute: number;
}

const windowMs = 60_000;
/**
 * How long a router keeps its counts before sharing them: what several routers may admit over a
 * budget together, and what a request no longer waits for (a Redis round trip each, before).
 */
const syncMs = 100;

const limiter = (keyPrefix: string, points: number, redis: Redis | undefined) =>
  new WriteBehindCounter({ keyPrefix, points, windowMs, syncMs, redis });

/**
 * Per-user budgets for authenticated clients, per-IP budgets for anonymous ones and per-partner
 * budgets for partner keys, kept apart:
 * one user's exhaustion never touches another user, and many users behind one NAT do not share a
 * budget. Counts meet in Redis when given (every router instance shares them, a tenth of a second
 * behind), else stay in memory.
 */
export class RequestRateLimiter {
  private readonly perIp: WriteBehindCounter;
  private readonly perUser: WriteBehindCounter;
  /** Per partner, by its own limit: a limiter per distinct limit, keyed by partner id. */
  private readonly perPartner = new Map<number, WriteBehindCounter>();

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

async function consume(budget: WriteBehindCounter, key: string, who: string): Promise<void> {
  const decision = await budget.consume(key);
  if (decision.allowed) return;
  const retryAfter = Math.max(1, Math.ceil(decision.msBeforeNext / 1000));
  throw new RequestRefused({
    status: 429,
    code: 'RATE_LIMITED',
    message: `Too many requests from ${who}: try again in ${retryAfter} seconds.`,
    headers: { 'retry-after': String(retryAfter) },
    extensions: { retryAfterSeconds: retryAfter },
  });
}
