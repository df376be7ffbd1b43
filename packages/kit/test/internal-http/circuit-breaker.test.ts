import { Registry } from 'prom-client';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ServiceUnavailableError } from '../../src/internal-http/index.js';
import { testClient } from './fixtures/test-client.js';
import { startTestService, type TestService } from './fixtures/test-service.js';

const breaker = { consecutiveFailures: 3, halfOpenAfterMs: 300 };

describe('internal client circuit breaker', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(() => service.close());
  afterEach(() => vi.useRealTimers());

  async function metricValue(registry: Registry, name: string, labels: Record<string, string>) {
    const metric = await registry.getSingleMetric(name)!.get();
    const match = metric.values.find((value) =>
      Object.entries(labels).every(([label, wanted]) => value.labels[label] === wanted),
    );
    return match?.value ?? 0;
  }

  it('opens after N failures, fails fast, and closes after the half-open delay', async () => {
    // cockatiel times the half-open delay with Date.now(): the test moves that clock instead of
    // sleeping through the delay (timers stay real).
    vi.useFakeTimers({ toFake: ['Date'] });
    const registry = new Registry();
    const client = testClient(service.url, { retries: 0, breaker, metricsRegistry: registry });
    service.script(503, 503, 503);
    for (let failure = 0; failure < 3; failure++) {
      await expect(client.get('/flaky')).rejects.toMatchObject({ status: 503 });
    }
    expect(service.hits('flaky')).toBe(3);
    expect(await metricValue(registry, 'internal_http_circuit_state', {})).toBe(1);

    const refused = await client.post('/flaky', {}).catch((caught: unknown) => caught);
    expect(refused).toBeInstanceOf(ServiceUnavailableError);
    expect(refused).toMatchObject({ target: 'product', reason: 'circuit open' });
    expect((refused as Error).message).toBe('product: circuit open');
    expect(service.hits('flaky')).toBe(3);

    vi.advanceTimersByTime(breaker.halfOpenAfterMs - 1);
    await expect(client.get('/flaky')).rejects.toMatchObject({ reason: 'circuit open' });
    vi.advanceTimersByTime(1);
    expect(await client.get('/flaky')).toEqual({ ok: true });
    expect(await client.get('/flaky')).toEqual({ ok: true });
    expect(service.hits('flaky')).toBe(5);

    expect(await metricValue(registry, 'internal_http_circuit_state', {})).toBe(0);
    const requests = (outcome: string) =>
      metricValue(registry, 'internal_http_requests_total', { target: 'product', outcome });
    expect(await requests('server_error')).toBe(3);
    expect(await requests('circuit_open')).toBe(2);
    expect(await requests('success')).toBe(2);
  });

  it('stops retrying once the circuit opens', async () => {
    const before = service.hits('flaky');
    const client = testClient(service.url, { retries: 5, breaker });
    service.script(503, 503, 503, 503, 503, 503);
    await expect(client.get('/flaky')).rejects.toMatchObject({ reason: 'circuit open' });
    expect(service.hits('flaky') - before).toBe(3);
    service.script(); // drops the answers the open circuit kept from the server
  });

  it('is not opened by 4xx answers, which are the target being healthy', async () => {
    const client = testClient(service.url, { retries: 0, breaker });
    const before = service.hits('flaky');
    service.script(409, 409, 409, 409);
    for (let call = 0; call < 4; call++) {
      await expect(client.get('/flaky')).rejects.toMatchObject({ status: 409 });
    }
    expect(await client.get('/flaky')).toEqual({ ok: true });
    expect(service.hits('flaky') - before).toBe(5);
  });

  it('shares metrics between clients of one registry', () => {
    const registry = new Registry();
    testClient(service.url, { metricsRegistry: registry });
    expect(() =>
      testClient(service.url, { target: 'promotion', metricsRegistry: registry }),
    ).not.toThrow();
  });
});
