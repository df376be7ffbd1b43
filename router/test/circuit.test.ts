import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startTestShop, type TestShop } from './support/test-shop.js';

const timeoutMs = 1000;
const failuresToOpen = 2;
const halfOpenAfterMs = 800;

const productsQuery = `query Products { products(first: 2) { name } }`;
const whoamiQuery = `query WhoAmI { whoami { kind } }`;

describe('a circuit per subgraph', () => {
  let shop: TestShop;

  beforeAll(async () => {
    shop = await startTestShop({
      SHOP_SUBGRAPH_TIMEOUT_MS: String(timeoutMs),
      SHOP_SUBGRAPH_BREAKER_FAILURES: String(failuresToOpen),
      SHOP_SUBGRAPH_BREAKER_HALF_OPEN_MS: String(halfOpenAfterMs),
    });
  });
  afterAll(async () => {
    await shop?.stop();
  });
  // cockatiel times the half-open delay with Date.now(): the tests move that clock instead of
  // sleeping through the delay (timers, the fetch timeout's included, stay real).
  beforeEach(() => vi.useFakeTimers({ toFake: ['Date'] }));
  afterEach(() => vi.useRealTimers());

  const timed = async (query: string, token?: string) => {
    const started = performance.now();
    const result = await shop.call(query, { token });
    return { result, ms: performance.now() - started };
  };
  /** The router's fetches to `subgraph` so far, by outcome (circuit_open: not attempted). */
  const fetchesTo = async (subgraph: string) => {
    const text = await (await fetch(shop.router.metricsUrl)).text();
    const pattern = new RegExp(
      `router_subgraph_fetches_total\\{subgraph="${subgraph}",outcome="(\\w+)"\\} (\\d+)`,
      'g',
    );
    return Object.fromEntries(
      [...text.matchAll(pattern)].map(([, outcome, n]) => [outcome, Number(n)]),
    );
  };
  const circuitGauge = async (subgraph: string) => {
    const text = await (await fetch(shop.router.metricsUrl)).text();
    const match = new RegExp(
      `router_subgraph_circuit_state\\{subgraph="${subgraph}"\\} (\\d)`,
    ).exec(text);
    return Number(match?.[1]);
  };

  it('fails fast with SUBGRAPH_UNAVAILABLE naming a stopped subgraph, keeps the others working, recovers', async () => {
    expect((await shop.call(productsQuery)).errors).toBeUndefined();
    await shop.catalog.goDown();
    try {
      for (let i = 0; i < failuresToOpen; i++) {
        const { result } = await timed(productsQuery);
        expect(result.errors?.[0]?.extensions).toMatchObject({
          code: 'SUBGRAPH_UNAVAILABLE',
          subgraph: 'catalog',
          reason: 'network_error',
        });
      }
      const before = await fetchesTo('catalog');
      const open = await shop.call(productsQuery);
      expect(open.errors?.[0]?.extensions).toMatchObject({
        code: 'SUBGRAPH_UNAVAILABLE',
        subgraph: 'catalog',
        reason: 'circuit_open',
      });
      expect(open.errors?.[0]?.message).toMatch(/^The catalog service is unavailable/);
      // Failed fast: catalog was not even tried.
      expect(await fetchesTo('catalog')).toEqual({
        ...before,
        circuit_open: (before.circuit_open ?? 0) + 1,
      });
      expect(await circuitGauge('catalog')).toBe(2);

      // A query that does not need catalog is untouched; one that needs both gets what it can.
      const other = await shop.call(whoamiQuery);
      expect(other.errors).toBeUndefined();
      expect(other.data).toEqual({ whoami: { kind: 'anonymous' } });
      const mixed = await shop.call(`{ me { name favorites { name } } }`, {
        token: await shop.token('dana'),
      });
      expect(mixed.data?.me).toMatchObject({ name: 'Account dana' });
      expect(mixed.errors?.[0]?.extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
    } finally {
      await shop.catalog.comeBack();
    }
    // Back on the same port, but the circuit stays open until the half-open delay has passed.
    vi.advanceTimersByTime(halfOpenAfterMs - 1);
    expect((await shop.call(productsQuery)).errors?.[0]?.extensions?.reason).toBe('circuit_open');
    vi.advanceTimersByTime(1);
    const back = await shop.call(productsQuery);
    expect(back.errors).toBeUndefined();
    expect(back.data?.products).toHaveLength(2);
    expect(await circuitGauge('catalog')).toBe(0);
  });

  it('times out a hanging subgraph, then fails fast well under the timeout once open', async () => {
    shop.catalog.hang(true);
    try {
      for (let i = 0; i < failuresToOpen; i++) {
        const { result, ms } = await timed(productsQuery);
        expect(result.errors?.[0]?.extensions?.reason).toBe('timeout');
        expect(ms).toBeGreaterThanOrEqual(timeoutMs - 50);
      }
      const before = await fetchesTo('catalog');
      const result = await shop.call(productsQuery);
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'SUBGRAPH_UNAVAILABLE',
        reason: 'circuit_open',
      });
      // Failed fast: nothing waited on the hanging catalog.
      expect(await fetchesTo('catalog')).toEqual({
        ...before,
        circuit_open: (before.circuit_open ?? 0) + 1,
      });
      expect((await shop.call(whoamiQuery)).errors).toBeUndefined();
    } finally {
      shop.catalog.hang(false);
    }
    vi.advanceTimersByTime(halfOpenAfterMs);
    expect((await shop.call(productsQuery)).errors).toBeUndefined();
  });

  it('counts fetches per subgraph and outcome', async () => {
    const text = await (await fetch(shop.router.metricsUrl)).text();
    expect(text).toMatch(
      /router_subgraph_fetches_total\{subgraph="catalog",outcome="circuit_open"\} \d+/,
    );
    expect(text).toMatch(/router_subgraph_fetches_total\{subgraph="catalog",outcome="timeout"\} 2/);
    expect(text).toMatch(
      /router_subgraph_fetches_total\{subgraph="accounts",outcome="success"\} \d+/,
    );
    expect(text).toMatch(/router_subgraph_fetch_duration_seconds_count\{subgraph="catalog"\} \d+/);
    expect(text).toMatch(
      /router_requests_total\{operation="Products",outcome="subgraph_unavailable"\}/,
    );
  });
});
