export type { Cache } from './cache.js';
export { MemoryCache, type MemoryCacheOptions } from './memory-cache.js';
export { RedisCache } from './redis-cache.js';
export { createCache, type CacheConfig } from './create-cache.js';
