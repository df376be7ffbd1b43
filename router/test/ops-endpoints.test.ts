import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestShop, type TestShop } from './support/test-shop.js';

describe('health, readiness and metrics', () => {
  let shop: TestShop;

  beforeAll(async () => {
    shop = await startTestShop();
  });
  afterAll(async () => {
    await shop?.stop();
  });

  it('is alive and ready once the supergraph is loaded', async () => {
    const health = await fetch(`${shop.origin}/health`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${shop.origin}/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, checks: { supergraph: 'ok' } });
  });

  it('counts requests by operation and outcome, and times them', async () => {
    await shop.call(`query ListProducts { products(first: 1) { name } }`);
    await shop.call(`query ListProducts { products(first: 1) { name } }`);
    await shop.call(`query Broken { nope }`);
    await shop.call(`query WhoAmI { whoami { kind } }`, { token: 'garbage' });
    const response = await fetch(shop.router.metricsUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/router_requests_total\{operation="ListProducts",outcome="success"\} 2/);
    expect(text).toMatch(/router_requests_total\{operation="Broken",outcome="invalid"\} 1/);
    expect(text).toMatch(
      /router_requests_total\{operation="unknown",outcome="unauthenticated"\} 1/,
    );
    expect(text).toMatch(/router_request_duration_seconds_count\{operation="ListProducts"\} 2/);
    expect(text).toMatch(/router_subgraph_fetches_total\{subgraph="catalog",outcome="success"\}/);
    expect(text).toMatch(/router_subgraph_circuit_state\{subgraph="catalog"\} 0/);
    expect(text).toMatch(/process_cpu_seconds_total/);
  });

  it('serves /metrics on the metrics port only, on 127.0.0.1 by default', async () => {
    const publicMetrics = await fetch(`${shop.origin}/metrics`);
    expect(publicMetrics.status).toBe(404);
    expect(await publicMetrics.text()).not.toMatch(/router_requests_total/);
    const metricsUrl = new URL(shop.router.metricsUrl);
    expect(metricsUrl.hostname).toBe('127.0.0.1');
    expect(metricsUrl.port).not.toBe(new URL(shop.origin).port);
    expect(metricsUrl.pathname).toBe('/metrics');
    // The metrics port serves nothing else.
    expect((await fetch(new URL('/graphql', metricsUrl))).status).toBe(404);
  });

  it('answers 404 for anything else', async () => {
    expect((await fetch(`${shop.origin}/admin`)).status).toBe(404);
  });

  it("sets a JSON API's security headers on every response", async () => {
    const answers = [
      await fetch(shop.router.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }' }),
      }),
      // A refusal the router answers itself, a 404, and a health check.
      await fetch(shop.router.url, { method: 'POST', headers: { authorization: 'Bearer x' } }),
      await fetch(`${shop.origin}/admin`),
      await fetch(`${shop.origin}/health`),
    ];
    expect(answers.map((response) => response.status)).toEqual([200, 401, 404, 200]);
    for (const response of answers) {
      const headers = response.headers;
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('referrer-policy')).toBe('no-referrer');
      expect(headers.get('x-frame-options')).toBe('DENY');
      const csp = headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/default-src 'none'/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(headers.get('cross-origin-resource-policy')).toBe('same-origin');
      expect(headers.get('x-powered-by')).toBeNull();
    }
  });
});
