import { setTimeout as sleep } from 'node:timers/promises';
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
  { seconds, connections, headers = {} }: LoadOptions,
): Promise<LoadFigures> {
  const requests = bodies.map((body) => ({
    method: 'POST' as const,
    path: new URL(url).pathname,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  }));
  const run = (duration: number, onResponse: (ms: number) => void = () => {}) =>
    new Promise<autocannon.Result>((resolve, reject) => {
      const options = { url, connections, duration, requests };
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

/**
 * Shoppers arriving at a steady pace: one request every 1000/`rate` ms whether or not the ones
 * before were answered, each timed from when it was due, after a 2 s warm-up that is not counted.
 * (autocannon's `overallRate` is no pace: each connection sends its second's share back to back,
 * then waits for the next second, so its percentiles time a burst queueing behind itself.)
 */
export async function pacedLoad(
  url: string,
  body: object,
  { seconds, rate }: { seconds: number; rate: number },
): Promise<LoadFigures> {
  const payload = JSON.stringify(body);
  const run = async (duration: number) => {
    const times: number[] = [];
    let errors = 0;
    const answers: Promise<void>[] = [];
    const opened = performance.now();
    for (let sent = 0; sent < duration * rate; sent++) {
      const due = opened + (sent * 1000) / rate;
      await sleep(Math.max(0, due - performance.now()));
      answers.push(
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: payload,
        })
          .then(async (response) => {
            await response.arrayBuffer();
            if (!response.ok) errors++;
            times.push(performance.now() - due);
          })
          .catch(() => void errors++),
      );
    }
    await Promise.all(answers);
    return { times, errors };
  };
  await run(2);
  const { times, errors } = await run(seconds);
  return {
    requestsPerSecond: Math.round(times.length / seconds),
    p50: quantile(times, 0.5),
    p99: quantile(times, 0.99),
    errors,
  };
}
