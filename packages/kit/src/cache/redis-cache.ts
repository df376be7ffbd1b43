import type { Redis } from 'ioredis';
import type { Cache } from './cache.js';
import { decodeValue, encodeValue, ttlMilliseconds } from './json-codec.js';
import { readThrough } from './read-through.js';
import { SingleFlight } from './single-flight.js';

/**
 * Stores the value and adds it to each tag's set in one step, so an invalidation running at the
 * same time cannot miss it. A tag set lives as long as its longest-lived member, so sets of tags
 * that are never invalidated expire instead of growing forever.
 */
const setWithTagsScript = `
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
for i = 2, #KEYS do
  redis.call('SADD', KEYS[i], KEYS[1])
  if redis.call('PTTL', KEYS[i]) < tonumber(ARGV[2]) then
    redis.call('PEXPIRE', KEYS[i], ARGV[2])
  end
end`;

/**
 * Deletes a tag's members and the tag set atomically. The members are keys the script was not
 * given, which standalone Redis allows (Redis Cluster would not: all keys share no slot).
 */
const deleteByTagScript = `
local removed = 0
for _, key in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  removed = removed + redis.call('DEL', key)
end
redis.call('DEL', KEYS[1])
return removed`;

interface CacheScripts {
  shopCacheSet(...keysThenArgs: (string | number)[]): Promise<unknown>;
  shopCacheDeleteByTag(tagKey: string): Promise<number>;
}

/**
 * The real run's cache, shared by every instance of a service. Keys live under the service's
 * prefix (`<prefix>:v:<key>`, tags `<prefix>:t:<tag>`) so services never see each other's
 * entries. Closing the cache closes the Redis connection it was given.
 */
export class RedisCache implements Cache {
  private readonly redis: Redis & CacheScripts;
  private readonly flights = new SingleFlight();

  constructor(
    redis: Redis,
    private readonly prefix: string,
  ) {
    if (!prefix) throw new Error('cache: a Redis cache needs a prefix (the service name)');
    redis.defineCommand('shopCacheSet', { lua: setWithTagsScript });
    redis.defineCommand('shopCacheDeleteByTag', { numberOfKeys: 1, lua: deleteByTagScript });
    this.redis = redis as Redis & CacheScripts;
  }

  async get<T>(key: string): Promise<T | undefined> {
    return decodeValue<T>(await this.redis.get(this.valueKey(key)));
  }

  async set(
    key: string,
    value: unknown,
    ttlSeconds: number,
    tags: readonly string[] = [],
  ): Promise<void> {
    const keys = [this.valueKey(key), ...new Set(tags.map((tag) => this.tagKey(tag)))];
    const args = [encodeValue(key, value), ttlMilliseconds(ttlSeconds)];
    await this.redis.shopCacheSet(keys.length, ...keys, ...args);
  }

  async delete(key: string): Promise<void> {
    await this.redis.del(this.valueKey(key));
  }

  deleteByTag(tag: string): Promise<number> {
    return this.redis.shopCacheDeleteByTag(this.tagKey(tag));
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
    await this.redis.quit();
  }

  private valueKey(key: string): string {
    return `${this.prefix}:v:${key}`;
  }

  private tagKey(tag: string): string {
    return `${this.prefix}:t:${tag}`;
  }
}
