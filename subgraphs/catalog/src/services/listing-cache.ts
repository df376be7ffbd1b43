import { createHash, randomUUID } from 'node:crypto';
import { listingGeneration } from '@shop/contracts';
import type { Cache } from '@shop/kit/cache';

const generationKey = listingGeneration.key;

/**
 * Cached search pages, invalidated by generation: every applied product change sets a new
 * generation, and pages are stored under the generation current when their search began. A page
 * built from the index just before a change is thus stored under the old generation, where no
 * later request looks — a stale price can never be served after the change was applied. The
 * router caches whole listing responses by the same generation.
 */
export class ListingCache {
  constructor(
    private readonly cache: Cache,
    private readonly ttlSeconds: number,
  ) {}

  async getOrLoad<T>(query: unknown, load: () => Promise<T>): Promise<T> {
    if (this.ttlSeconds === 0) return load();
    const generation = (await this.cache.get<string>(generationKey)) ?? 'initial';
    const digest = createHash('sha256').update(JSON.stringify(query)).digest('base64url');
    return this.cache.getOrSet(`listing:${generation}:${digest}`, this.ttlSeconds, load);
  }

  /** Call after a change is visible in the index. */
  async invalidate(): Promise<void> {
    await this.cache.set(generationKey, randomUUID(), 7 * 24 * 3600);
  }
}
