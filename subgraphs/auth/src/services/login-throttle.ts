import { createHmac, timingSafeEqual } from 'node:crypto';
import type { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { spend, type LimitDecision } from '@shop/kit/rate-limit';

export interface LoginThrottleSettings {
  /** Consecutive failures of one account from one address before each next one waits. */
  freeFailures: number;
  /** Failures of one account from addresses it never signed in from before they wait. */
  accountFreeFailures: number;
  /** The first wait; each further failure doubles it, up to `maxDelaySeconds`. */
  baseDelaySeconds: number;
  maxDelaySeconds: number;
  /** How long a successful sign-in's device token is recognised (the address: `knownAddresses`). */
  rememberSeconds: number;
}

/**
 * The counters, all Redis-backed in real runs (shared by every instance) and in memory when
 * embedded. `perIp`: attempts per address and window, whatever their outcome; `ipDailyFailures`:
 * failures per address and day (points, duration and block are a day's worth); `pairFailures`
 * and `accountFailures`: consecutive failures, with points no one reaches (their duration is how
 * long failures are remembered); `pairDelay` and
 * `accountDelay`: only `block`ed, for the current wait; `knownAddresses`: only `set`.
 */
export interface LoginLimiters {
  perIp: RateLimiterAbstract;
  ipDailyFailures: RateLimiterAbstract;
  pairFailures: RateLimiterAbstract;
  pairDelay: RateLimiterAbstract;
  accountFailures: RateLimiterAbstract;
  accountDelay: RateLimiterAbstract;
  knownAddresses: RateLimiterAbstract;
}

/** What `beforeAttempt` found out, passed back to `failed`. */
export type AttemptGate = LimitDecision & { recognised: boolean };

/**
 * Brute-force protection for login that no stranger can turn into a lockout (OWASP; the
 * "login endpoint protection" of rate-limiter-flexible):
 *
 * - failures by account AND address: after `freeFailures` in a row, each next try from that
 *   address waits, longer with every failure (doubling up to a maximum); a sign-in resets it;
 * - failures by account from unrecognised sources: after `accountFreeFailures`, sources the
 *   account never signed in from wait likewise — a password spray over many addresses;
 * - failures by address per day, and attempts by address per window, whatever the account.
 *
 * The owner is recognised — by a device token from an earlier sign-in, or by signing in from an
 * address that did before — and is never held back by what others did from elsewhere. Each login
 * resolver call counts, so 100 aliased logins in one request are 100 attempts.
 */
export class LoginThrottle {
  private readonly deviceKey: Buffer;

  constructor(
    private readonly limiters: LoginLimiters,
    private readonly settings: LoginThrottleSettings,
    /** Signs device tokens; shared by every auth instance. */
    deviceSecret: string,
  ) {
    this.deviceKey = createHmac('sha256', deviceSecret).update('shop-login-device-v1').digest();
  }

  async beforeAttempt(
    ip: string,
    email: string,
    deviceToken?: string | null,
  ): Promise<AttemptGate> {
    const account = accountKey(email);
    const recognised =
      this.verifyDeviceToken(account, deviceToken) ||
      (await this.limiters.knownAddresses.get(pairKey(account, ip))) !== null;
    const ipDecision = await spend(this.limiters.perIp, ip);
    if (!ipDecision.allowed) return { ...ipDecision, recognised };
    const waits = [this.waitOf(this.limiters.pairDelay, pairKey(account, ip))];
    if (!recognised) {
      waits.push(this.waitOf(this.limiters.ipDailyFailures, ip));
      waits.push(this.waitOf(this.limiters.accountDelay, account));
    }
    const longest = Math.max(...(await Promise.all(waits)));
    return longest > 0
      ? { allowed: false, retryAfterSeconds: longest, recognised }
      : { allowed: true, recognised };
  }

  async failed(ip: string, email: string, gate: Pick<AttemptGate, 'recognised'>): Promise<void> {
    const account = accountKey(email);
    const pair = pairKey(account, ip);
    const inARow = (await this.limiters.pairFailures.consume(pair)).consumedPoints;
    await this.delayAfter(this.limiters.pairDelay, pair, inARow - this.settings.freeFailures + 1);
    if (gate.recognised) return;
    const daily = this.limiters.ipDailyFailures;
    const today = await daily
      .consume(ip)
      .catch((rejection: unknown) => rejection as RateLimiterRes);
    if (today.consumedPoints >= daily.points)
      await daily.block(ip, daily.blockDuration || daily.duration);
    const fromStrangers = (await this.limiters.accountFailures.consume(account)).consumedPoints;
    await this.delayAfter(
      this.limiters.accountDelay,
      account,
      fromStrangers - this.settings.accountFreeFailures + 1,
    );
  }

  /** Resets this address's failures for the account and remembers the address. */
  async succeeded(ip: string, email: string): Promise<void> {
    const account = accountKey(email);
    const pair = pairKey(account, ip);
    await Promise.all([
      this.limiters.pairFailures.delete(pair),
      this.limiters.pairDelay.delete(pair),
      // As long as that limiter's duration (a memory store cannot keep one past 24.8 days).
      this.limiters.knownAddresses.set(pair, 1, this.limiters.knownAddresses.duration),
    ]);
  }

  /** Tells a later login that this browser signed in to this account before. */
  deviceToken(email: string, now = new Date()): string {
    const issuedAt = Math.floor(now.getTime() / 1000).toString(36);
    return `d1.${issuedAt}.${this.deviceMac(accountKey(email), issuedAt)}`;
  }

  private verifyDeviceToken(account: string, token: string | null | undefined): boolean {
    const [version, issuedAt, mac] = token?.split('.') ?? [];
    if (version !== 'd1' || !issuedAt || !mac) return false;
    const age = Date.now() / 1000 - parseInt(issuedAt, 36);
    if (!(age >= -60 && age <= this.settings.rememberSeconds)) return false;
    const expected = Buffer.from(this.deviceMac(account, issuedAt));
    const given = Buffer.from(mac);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private deviceMac(account: string, issuedAt: string): string {
    return createHmac('sha256', this.deviceKey)
      .update(`${account}\n${issuedAt}`)
      .digest('base64url');
  }

  /** Seconds until `key` may try again (0: now). */
  private async waitOf(limiter: RateLimiterAbstract, key: string): Promise<number> {
    const state = await limiter.get(key);
    if (!state || state.consumedPoints <= limiter.points) return 0;
    return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
  }

  /** The `over`-th failure past the free ones: wait base × 2^(over − 1), at most the maximum. */
  private async delayAfter(limiter: RateLimiterAbstract, key: string, over: number): Promise<void> {
    if (over <= 0) return;
    const { baseDelaySeconds, maxDelaySeconds } = this.settings;
    const seconds = Math.min(maxDelaySeconds, baseDelaySeconds * 2 ** Math.min(over - 1, 30));
    await limiter.block(key, seconds);
  }
}

function accountKey(email: string): string {
  return email.trim().toLowerCase();
}

function pairKey(account: string, ip: string): string {
  return `${account}|${ip}`;
}
