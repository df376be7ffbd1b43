export type { Cache } from './cache.js';
export { MemoryCache, type MemoryCacheOptions } from './memory-cache.js';
export { RedisCache } from './redis-cache.js';
export { SingleFlight } from './single-flight.js';
