import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { spend, type LimitDecision } from '@shop/kit/rate-limit';

/**
 * Brute-force protection for login: every attempt spends from the client IP's budget, and each
 * failed attempt spends from the account's budget, which a successful login resets. Each login
 * resolver call counts, so 100 aliased logins in one request are 100 attempts.
 */
export class LoginThrottle {
  constructor(
    private readonly perIp: RateLimiterAbstract,
    private readonly perAccount: RateLimiterAbstract,
  ) {}

  async beforeAttempt(ip: string, email: string): Promise<LimitDecision> {
    const ipDecision = await spend(this.perIp, ip);
    if (!ipDecision.allowed) return ipDecision;
    const account = await this.perAccount.get(accountKey(email));
    if (account && account.remainingPoints <= 0) {
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil(account.msBeforeNext / 1000)),
      };
    }
    return { allowed: true };
  }

  async failed(email: string): Promise<void> {
    await spend(this.perAccount, accountKey(email));
  }

  async succeeded(email: string): Promise<void> {
    await this.perAccount.delete(accountKey(email));
  }
}

function accountKey(email: string): string {
  return email.trim().toLowerCase();
}
