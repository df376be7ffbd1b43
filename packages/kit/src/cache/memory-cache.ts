import type { Cache } from './cache.js';
import { decodeValue, encodeValue, ttlMilliseconds } from './json-codec.js';
import { readThrough } from './read-through.js';
import { SingleFlight } from './single-flight.js';

interface Entry {
  json: string;
  expiresAt: number;
  tags: readonly string[];
}

export interface MemoryCacheOptions {
  /** Entries kept before the least recently used is evicted. */
  maxEntries?: number;
  /** The clock entries expire by, in milliseconds (tests move it instead of waiting). */
  now?: () => number;
}

/**
 * The embedded run's cache: private to this instance, bounded by an LRU, entries expire lazily
 * (an expired entry is dropped when read or when it reaches the LRU end).
 */
export class MemoryCache implements Cache {
  private readonly maxEntries: number;
  private readonly now: () => number;
  /** Map order is recency order: oldest first. */
  private readonly entries = new Map<string, Entry>();
  private readonly keysByTag = new Map<string, Set<string>>();
  private readonly flights = new SingleFlight();

  constructor({ maxEntries = 10_000, now = Date.now }: MemoryCacheOptions = {}) {
    if (!(maxEntries >= 1)) throw new RangeError('cache: maxEntries must be at least 1');
    this.maxEntries = maxEntries;
    this.now = now;
  }

  async get<T>(key: string): Promise<T | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.remove(key);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return decodeValue<T>(entry.json);
  }

  async set(
    key: string,
    value: unknown,
    ttlSeconds: number,
    tags: readonly string[] = [],
  ): Promise<void> {
    const entry = {
      json: encodeValue(key, value),
      expiresAt: this.now() + ttlMilliseconds(ttlSeconds),
      tags: [...new Set(tags)],
    };
    this.remove(key);
    this.entries.set(key, entry);
    for (const tag of entry.tags) {
      const keys = this.keysByTag.get(tag) ?? new Set<string>();
      keys.add(key);
      this.keysByTag.set(tag, keys);
    }
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.remove(oldest);
    }
  }

  async delete(key: string): Promise<void> {
    this.remove(key);
  }

  async deleteByTag(tag: string): Promise<number> {
    const now = this.now();
    let removed = 0;
    for (const key of [...(this.keysByTag.get(tag) ?? [])]) {
      if (this.entries.get(key)!.expiresAt > now) removed++;
      this.remove(key);
    }
    return removed;
  }

  getOrSet<T>(
    key: string,
    ttlSeconds: number,
    loader: () => Promise<T>,
    tags?: readonly string[],
  ): Promise<T> {
    return readThrough(this, this.flights, key, ttlSeconds, loader, tags);
  }

  async close(): Promise<void> {
    this.entries.clear();
    this.keysByTag.clear();
  }

  /** Drops the entry and its tag memberships, so the tag index never outgrows the entries. */
  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    for (const tag of entry.tags) {
      const keys = this.keysByTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.keysByTag.delete(tag);
    }
  }
}
