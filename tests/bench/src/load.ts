import autocannon from 'autocannon';
import { quantile } from './percentiles.js';

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
 * (plans, JIT, connections, caches) that is not counted. Percentiles come from every response's
 * own time (microseconds): autocannon's histogram keeps whole milliseconds, too coarse for a
 * router's overhead of about one.
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
  const run = (duration: number, onResponse: (ms: number) => void = () => {}) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      const options = {
        url,
        connections,
        duration,
        requests,
        ...(rate ? { overallRate: rate } : {}),
      };
      const instance = autocannon(options, (error, result) =>
        error ? reject(error as Error) : resolve(result),
      );
      instance.on('response', (_client, _status, _bytes, ms) => onResponse(ms));
    });
  await run(2);
  const times: number[] = [];
  const result = await run(seconds, (ms) => times.push(ms));
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: quantile(times, 0.5),
    p99: quantile(times, 0.99),
    errors: result.errors + result.non2xx,
  };
}
