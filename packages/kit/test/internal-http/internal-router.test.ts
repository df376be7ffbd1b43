import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InternalHttpError } from '../../src/internal-http/index.js';
import { testClient } from './fixtures/test-client.js';
import { startTestService, validToken, type TestService } from './fixtures/test-service.js';

describe('internal router', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(() => service.close());

  const post = (path: string, body: string, token?: string) =>
    fetch(`${service.url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token && { authorization: `Bearer ${token}` }),
      },
      body,
    });

  it('refuses a call without a token and with a wrong one, before routing', async () => {
    for (const token of [undefined, 'stolen-or-stale']) {
      for (const path of ['/reservations', '/no-such-route']) {
        const response = await post(path, '{}', token);
        expect(response.status).toBe(401);
        expect(await response.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
      }
    }
    const refused = testClient(service.url, { token: () => 'wrong' }).get('/flaky');
    await expect(refused).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(service.hits('reservations') + service.hits('flaky')).toBe(0);
  });

  it('answers 400 listing every issue of an invalid body', async () => {
    const client = testClient(service.url);
    const error = await client
      .post('/reservations', { orderId: 7, lines: [{ skuId: '', quantity: 0 }] })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(InternalHttpError);
    expect(error).toMatchObject({ status: 400, code: 'BAD_REQUEST', target: 'product' });
    const { issues } = (error as InternalHttpError).body as { issues: { path: string }[] };
    expect(issues.map((issue) => issue.path).sort()).toEqual([
      'lines.0.quantity',
      'lines.0.skuId',
      'orderId',
    ]);
    expect(service.hits('reservations')).toBe(0);
  });

  it('answers 400 to a body that is not JSON', async () => {
    const response = await post('/reservations', '{"orderId":', validToken);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('passes the valid body, caller and path parameters to the handler', async () => {
    const client = testClient(service.url);
    const body = { orderId: 'o1', lines: [{ skuId: 's1', quantity: 2 }] };
    expect(await client.post('/reservations', body)).toEqual({ reserved: 1 });
    expect(service.seen.at(-1)).toMatchObject({ caller: 'order', body });
    expect(await client.get('/skus/s%201/stock')).toEqual({ skuId: 's 1' });
  });

  it('answers 404 to an unknown route or method', async () => {
    const client = testClient(service.url);
    await expect(client.get('/nothing-here')).rejects.toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
    });
    await expect(client.get('/reservations')).rejects.toMatchObject({ status: 404 });
  });

  it('keeps the code and details of a business failure', async () => {
    const error = await testClient(service.url)
      .post('/out-of-stock', {})
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      status: 409,
      code: 'OUT_OF_STOCK',
      body: { code: 'OUT_OF_STOCK', message: 'sku s1 has 0 left', skuId: 's1' },
    });
  });

  it('answers 204 to a handler that returns nothing, and 500 without details to a bug', async () => {
    const client = testClient(service.url);
    expect(await client.post('/release', { orderId: 'o1' })).toBeUndefined();
    for (const path of ['/bug', '/not-json']) {
      await expect(client.get(path)).rejects.toMatchObject({
        status: 500,
        body: { code: 'INTERNAL', message: 'internal error' },
      });
    }
  });
});
