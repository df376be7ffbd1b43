import autocannon from 'autocannon';

export interface LoadFigures {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

export interface LoadOptions {
  seconds: number;
  connections: number;
  headers?: Record<string, string>;
  /** Requests per second across all connections; unset: as fast as the connections go. */
  rate?: number;
}

/**
 * autocannon against one GraphQL endpoint, cycling through the given bodies, after a 2 s warm-up
 * (plans, JIT, connections, caches) that is not counted.
 */
export async function load(
  url: string,
  bodies: object[],
  { seconds, connections, headers = {}, rate }: LoadOptions,
): Promise<LoadFigures> {
  const requests = bodies.map((body) => ({
    method: 'POST' as const,
    path: new URL(url).pathname,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  }));
  const run = (duration: number) =>
    autocannon({ url, connections, duration, requests, ...(rate ? { overallRate: rate } : {}) });
  await run(2);
  const result = await run(seconds);
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}
