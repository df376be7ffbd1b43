/** Both caches store JSON text, so values behave the same (copies, no class instances) in each. */
export function encodeValue(key: string, value: unknown): string {
  const text = JSON.stringify(value);
  // `undefined` means "miss" to readers, so it cannot be a cached value.
  if (text === undefined) throw new TypeError(`cache: the value for "${key}" is not JSON`);
  return text;
}

export function decodeValue<T>(text: string | null | undefined): T | undefined {
  return text == null ? undefined : (JSON.parse(text) as T);
}

export function ttlMilliseconds(ttlSeconds: number): number {
  if (!(ttlSeconds > 0)) throw new RangeError(`cache: ttl must be positive, got ${ttlSeconds}`);
  return Math.ceil(ttlSeconds * 1000);
}
