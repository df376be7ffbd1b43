/**
 * A cache of JSON values with expiry and tags. Values go through JSON both ways in every
 * implementation, so what comes back is a copy that looks the same whichever store is behind it.
 */
export interface Cache {
  /** The cached value, or `undefined` on a miss. */
  get<T>(key: string): Promise<T | undefined>;
  /**
   * Stores a JSON-serialisable value (not `undefined`) for `ttlSeconds` (fractions allowed).
   * `tags` name what the value was built from (`product:42`), so `deleteByTag` can drop it.
   */
  set(key: string, value: unknown, ttlSeconds: number, tags?: readonly string[]): Promise<void>;
  delete(key: string): Promise<void>;
  /** Removes every entry stored with `tag`; returns how many were removed. */
  deleteByTag(tag: string): Promise<number>;
  /**
   * Returns the cached value or loads, stores and returns it. Concurrent calls for one key in this
   * process share one read and at most one `loader` call.
   */
  getOrSet<T>(
    key: string,
    ttlSeconds: number,
    loader: () => Promise<T>,
    tags?: readonly string[],
  ): Promise<T>;
  close(): Promise<void>;
}
