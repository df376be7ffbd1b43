import type { Cache } from './cache.js';
import { decodeValue, encodeValue } from './json-codec.js';
import type { SingleFlight } from './single-flight.js';

/**
 * `getOrSet` for any cache: the read happens inside the flight too, so a caller arriving just
 * after a flight finished reads the fresh entry instead of loading again.
 */
export function readThrough<T>(
  cache: Cache,
  flights: SingleFlight,
  key: string,
  ttlSeconds: number,
  loader: () => Promise<T>,
  tags?: readonly string[],
): Promise<T> {
  return flights.run(key, async () => {
    const cached = await cache.get<T>(key);
    if (cached !== undefined) return cached;
    const loaded = await loader();
    await cache.set(key, loaded, ttlSeconds, tags);
    // Hand back what a later hit would return, so a miss and a hit never differ (Dates, classes).
    return decodeValue<T>(encodeValue(key, loaded)) as T;
  });
}
