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
    const response = await fetch(`${shop.origin}/metrics`);
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

  it('answers 404 for anything else', async () => {
    expect((await fetch(`${shop.origin}/admin`)).status).toBe(404);
  });
});
