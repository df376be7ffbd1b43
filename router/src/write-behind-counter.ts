import type { Redis } from 'ioredis';

export interface WriteBehindCounterOptions {
  /** Namespaces the Redis keys, e.g. `router-ip`. */
  keyPrefix: string;
  /** Requests allowed per key and window. */
  points: number;
  windowMs: number;
  /** How long a count may stay in this process before it is added to the shared one. */
  syncMs: number;
  /** Where every instance's counts meet; without it, each process counts alone. */
  redis?: Redis;
}

export type CounterDecision = { allowed: true } | { allowed: false; msBeforeNext: number };

interface KeyCount {
  window: number;
  /** The key's count in Redis when last read: every instance's requests, this one's included. */
  shared: number;
  /** Counted here, not yet added to Redis. */
  unsent: number;
  /** Being added to Redis by the flush in flight. */
  sending: number;
  /** Whether `shared` has been read in this window (a key new here may be busy elsewhere). */
  read: boolean;
}

/**
 * Fixed-window request counts per key that answer from memory and meet in Redis behind the
 * request: counts made here are added to the shared ones every `syncMs` in one pipeline, and the
 * totals read back. A key's first request in a window waits for its count to be read, so a client
 * that is busy on other instances is known here from its first request on; afterwards a request
 * costs no round trip. Across instances a window may admit the requests of one sync interval more
 * than `points` (the instances' unsent counts); one instance alone counts exactly. While Redis is
 * away, counts stay in this process.
 */
export class WriteBehindCounter {
  private readonly counts = new Map<string, KeyCount>();
  /** Counts with something unsent. */
  private readonly dirty = new Set<string>();
  private scheduled?: { timer: NodeJS.Timeout; flush: () => void; done: Promise<void> };
  private flushing: Promise<void> = Promise.resolve();
  private sweptWindow = 0;

  constructor(private readonly options: WriteBehindCounterOptions) {}

  /** Counts one request of `key`; refuses it once the window's count has reached the limit. */
  async consume(key: string): Promise<CounterDecision> {
    const now = Date.now();
    const window = Math.floor(now / this.options.windowMs);
    if (window > this.sweptWindow) this.forgetWindowsBefore(window);
    let count = this.counts.get(key);
    if (count?.window !== window) {
      count = { window, shared: 0, unsent: 0, sending: 0, read: !this.options.redis };
      this.counts.set(key, count);
    }
    if (this.total(count) >= this.options.points) return this.refusal(window, now);
    count.unsent++;
    if (!this.options.redis) return { allowed: true };
    this.dirty.add(key);
    if (count.read) {
      void this.nextFlush(this.options.syncMs);
      return { allowed: true };
    }
    await this.nextFlush(0);
    // Read now, this request among them: over the limit if others got there first.
    return this.total(count) > this.options.points
      ? this.refusal(window, Date.now())
      : { allowed: true };
  }

  private total(count: KeyCount): number {
    return count.shared + count.sending + count.unsent;
  }

  private refusal(window: number, now: number): CounterDecision {
    return { allowed: false, msBeforeNext: (window + 1) * this.options.windowMs - now };
  }

  /** The flush that will carry what is unsent now, started within `delayMs`. */
  private nextFlush(delayMs: number): Promise<void> {
    if (!this.scheduled) {
      let flush!: () => void;
      const done = new Promise<void>((resolve) => {
        flush = () => {
          clearTimeout(this.scheduled?.timer);
          this.scheduled = undefined;
          // One flush at a time: a flush reads totals the one before it may still be writing.
          this.flushing = this.flushing.then(() => this.flush());
          resolve(this.flushing);
        };
      });
      this.scheduled = { timer: setTimeout(flush, delayMs).unref(), flush, done };
    } else if (delayMs === 0) {
      this.scheduled.flush();
      return this.flushing;
    }
    return this.scheduled.done;
  }

  private async flush(): Promise<void> {
    const batch: [string, KeyCount][] = [];
    for (const key of this.dirty) {
      const count = this.counts.get(key)!;
      count.sending = count.unsent;
      count.unsent = 0;
      batch.push([key, count]);
    }
    this.dirty.clear();
    if (batch.length === 0) return;
    const pipeline = this.options.redis!.pipeline();
    for (const [key, count] of batch) {
      const redisKey = `${this.options.keyPrefix}:${count.window}:${key}`;
      // The key outlives its window by one, for the instances whose clocks run behind.
      pipeline.incrby(redisKey, count.sending).pexpire(redisKey, 2 * this.options.windowMs);
    }
    const replies = await pipeline.exec().catch(() => null);
    batch.forEach(([, count], i) => {
      const [error, total] = replies?.[2 * i] ?? [new Error('redis unreachable')];
      // Unreachable: the count stays here, and this process goes on counting alone.
      count.shared = error ? count.shared + count.sending : Math.max(count.shared, Number(total));
      count.sending = 0;
      count.read = true;
    });
  }

  /** Drops the counts of past windows that have nothing left to send, once a window. */
  private forgetWindowsBefore(window: number): void {
    this.sweptWindow = window;
    for (const [key, count] of this.counts)
      if (count.window < window && !this.dirty.has(key) && count.sending === 0)
        this.counts.delete(key);
  }
}
