/**
 * Coalesces concurrent calls for the same key into one: while a call is in flight, later callers
 * get its promise instead of starting their own. Guards the loader behind a cache miss from a
 * stampede when a hot key expires, and an idempotent change asked for twice at once from doing
 * the work twice.
 */
export class SingleFlight {
  private readonly inFlight = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const running = this.inFlight.get(key);
    if (running) return running as Promise<T>;
    const flight = work().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, flight);
    return flight;
  }
}
