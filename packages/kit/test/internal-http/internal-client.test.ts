import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { InternalHttpError, ServiceUnavailableError } from '../../src/internal-http/index.js';
import { testClient } from './fixtures/test-client.js';
import { startTestService, type TestService } from './fixtures/test-service.js';

/** A port nothing listens on: taken, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('internal client', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(() => service.close());
  beforeEach(() => {
    service.seen.length = 0;
  });

  it('sends the request id and the idempotency key', async () => {
    await testClient(service.url).post(
      '/flaky',
      { orderId: 'o1' },
      { requestId: 'req-42', idempotencyKey: 'cancel:o1' },
    );
    expect(service.seen).toEqual([
      {
        caller: 'order',
        requestId: 'req-42',
        idempotencyKey: 'cancel:o1',
        body: { orderId: 'o1' },
      },
    ]);
  });

  it('retries a GET on 502, 503 and 504, keeping the request id', async () => {
    const before = service.hits('flaky');
    service.script(502, 503);
    expect(await testClient(service.url).get('/flaky', { requestId: 'req-1' })).toEqual({
      ok: true,
    });
    expect(service.hits('flaky') - before).toBe(3);
    expect(new Set(service.seen.map((seen) => seen.requestId))).toEqual(new Set(['req-1']));

    service.script(504, 504, 504);
    await expect(testClient(service.url).get('/flaky')).rejects.toMatchObject({ status: 504 });
    expect(service.hits('flaky') - before).toBe(6);
  });

  it('retries a POST with an idempotency key, sending the key every time', async () => {
    const before = service.hits('flaky');
    service.script(503, 503);
    const client = testClient(service.url);
    expect(await client.post('/flaky', {}, { idempotencyKey: 'k1' })).toEqual({ ok: true });
    expect(service.hits('flaky') - before).toBe(3);
    expect(service.seen.map((seen) => seen.idempotencyKey)).toEqual(['k1', 'k1', 'k1']);
  });

  it('does not retry a POST without an idempotency key', async () => {
    const before = service.hits('flaky');
    service.script(503);
    const error = await testClient(service.url)
      .post('/flaky', {})
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InternalHttpError);
    expect(error).toMatchObject({ status: 503, target: 'product' });
    expect(service.hits('flaky') - before).toBe(1);
  });

  it('does not retry a 4xx or a 500', async () => {
    for (const status of [400, 404, 409, 429, 500]) {
      const before = service.hits('flaky');
      service.script(status);
      await expect(testClient(service.url).get('/flaky')).rejects.toMatchObject({ status });
      expect(service.hits('flaky') - before).toBe(1);
    }
  });

  it('enforces the timeout on every attempt', async () => {
    const client = testClient(service.url, { timeoutMs: 100, retries: 1 });
    // `/slow` answers nothing until after the call: only the timeout can end each attempt.
    const error = await client.get('/slow').catch((caught: unknown) => caught);
    service.answerSlow();

    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error).toMatchObject({ target: 'product', reason: 'timeout' });
    expect(service.hits('slow')).toBe(2);
  });

  it('reports a target that refuses connections after retrying', async () => {
    const client = testClient(`http://127.0.0.1:${await closedPort()}`);
    await expect(client.get('/flaky')).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      target: 'product',
      reason: 'refused',
    });
  });
});
