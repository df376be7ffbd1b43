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

/** One endpoint to load: its URL, the bodies to cycle through, headers besides content-type. */
export interface LoadTarget {
  url: string;
  bodies: object[];
  headers?: Record<string, string>;
}

interface Timed {
  /** Every response's own time, ms. */
  times: number[];
  requests: number;
  errors: number;
}

/** autocannon for `seconds` against one target; every response's own time, to the microsecond. */
function timedRun(
  { url, bodies, headers = {} }: LoadTarget,
  seconds: number,
  connections: number,
): Promise<Timed> {
  const requests = bodies.map((body) => ({
    method: 'POST' as const,
    path: new URL(url).pathname,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  }));
  const times: number[] = [];
  // autocannon starts every connection at the first body; each starts at its own instead, spread
  // over the list, or the connections would send the same body at the same moments.
  let connection = 0;
  const startAtOwnBody = (client: autocannon.Client) => {
    const first = Math.floor((connection++ * requests.length) / connections);
    client.setRequests([...requests.slice(first), ...requests.slice(0, first)]);
  };
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url, connections, duration: seconds, requests, setupClient: startAtOwnBody },
      (error, result) =>
        error
          ? reject(error as Error)
          : resolve({
              times,
              requests: result.requests.total,
              errors: result.errors + result.non2xx,
            }),
    );
    instance.on('response', (_client, _status, _bytes, ms) => times.push(ms));
  });
}

const figuresOf = ({ times, requests, errors }: Timed, seconds: number): LoadFigures => ({
  requestsPerSecond: Math.round(requests / seconds),
  p50: quantile(times, 0.5),
  p99: quantile(times, 0.99),
  errors,
});

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
  const target = { url, bodies, headers };
  await timedRun(target, 2, connections);
  return figuresOf(await timedRun(target, seconds, connections), seconds);
}

/**
 * Several targets loaded in turns of one second each, `seconds` turns per target after a 2 s
 * warm-up of each, so that every target is timed in the same stretches of the run: on a shared
 * machine whose speed swings from one ten-second stretch to the next, figures taken one after
 * another differ by the machine as much as by the targets.
 */
export async function interleavedLoad(
  targets: LoadTarget[],
  { seconds, connections }: Omit<LoadOptions, 'headers'>,
): Promise<LoadFigures[]> {
  for (const target of targets) await timedRun(target, 2, connections);
  const totals = targets.map((): Timed => ({ times: [], requests: 0, errors: 0 }));
  for (let turn = 0; turn < seconds; turn++)
    for (const [index, target] of targets.entries()) {
      const { times, requests, errors } = await timedRun(target, 1, connections);
      const total = totals[index]!;
      total.times.push(...times);
      total.requests += requests;
      total.errors += errors;
    }
  return totals.map((total) => figuresOf(total, seconds));
}

/** Answers the router's response cache gave (`x-shop-cache: hit`) or had to fetch (`miss`). */
export interface CacheAnswers {
  answers: number;
  p99: number;
}

export interface PacedLoadFigures extends LoadFigures {
  /** Hits, and answers given from before a change while its first fetch ran (`stale`). */
  cacheHits: CacheAnswers & { stale: number };
  cacheMisses: CacheAnswers;
}

/**
 * Shoppers arriving at a steady pace: one request every 1000/`rate` ms whether or not the ones
 * before were answered, each timed from when it was due, after a 2 s warm-up that is not counted.
 * (autocannon's `overallRate` is no pace: each connection sends its second's share back to back,
 * then waits for the next second, so its percentiles time a burst queueing behind itself.) The
 * answers the router's response cache gave are told apart from those it fetched: a product change
 * moves the cache on, and the answers that wait on a fetch set a tail of their own.
 */
export async function pacedLoad(
  url: string,
  body: object,
  { seconds, rate }: { seconds: number; rate: number },
): Promise<PacedLoadFigures> {
  const payload = JSON.stringify(body);
  const run = async (duration: number) => {
    const times: number[] = [];
    const byCache: Record<'hit' | 'stale' | 'miss', number[]> = { hit: [], stale: [], miss: [] };
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
            const took = performance.now() - due;
            times.push(took);
            const cache = response.headers.get('x-shop-cache');
            if (cache === 'hit' || cache === 'stale' || cache === 'miss') byCache[cache].push(took);
          })
          .catch(() => void errors++),
      );
    }
    await Promise.all(answers);
    return { times, byCache, errors };
  };
  await run(2);
  const { times, byCache, errors } = await run(seconds);
  const cacheAnswers = (answered: number[]): CacheAnswers => ({
    answers: answered.length,
    p99: quantile(answered, 0.99),
  });
  return {
    requestsPerSecond: Math.round(times.length / seconds),
    p50: quantile(times, 0.5),
    p99: quantile(times, 0.99),
    errors,
    cacheHits: { ...cacheAnswers([...byCache.hit, ...byCache.stale]), stale: byCache.stale.length },
    cacheMisses: cacheAnswers(byCache.miss),
  };
}
