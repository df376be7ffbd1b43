import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestShop, type TestShop } from './support/test-shop.js';

const allowedOrigin = 'https://shop.example';

describe('CORS and CSRF', () => {
  let shop: TestShop;

  beforeAll(async () => {
    shop = await startTestShop({
      SHOP_CORS_ORIGINS: `${allowedOrigin}, https://admin.shop.example`,
    });
  });
  afterAll(async () => {
    await shop?.stop();
  });

  const preflight = (origin: string) =>
    fetch(shop.router.url, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, authorization',
      },
    });

  it('answers a preflight from a listed origin with the CORS headers, credentials included', async () => {
    const response = await preflight(allowedOrigin);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(allowedOrigin);
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-allow-methods')).toMatch(/POST/);
    expect(response.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    expect(response.headers.get('vary')).toMatch(/Origin/);
  });

  it('gives any other origin no CORS headers at all', async () => {
    const response = await preflight('https://evil.example');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('access-control-allow-methods')).toBeNull();
    const post = await shop.call(`{ whoami { kind } }`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('puts the CORS headers on the actual response for a listed origin, exposing the request id', async () => {
    const result = await shop.call(`{ whoami { kind } }`, { headers: { origin: allowedOrigin } });
    expect(result.status).toBe(200);
    expect(result.headers.get('access-control-allow-origin')).toBe(allowedOrigin);
    expect(result.headers.get('access-control-expose-headers')).toMatch(/x-request-id/);
  });

  it('refuses a GET or a simple POST that a browser would send without a preflight', async () => {
    const get = await fetch(
      `${shop.router.url}?query=${encodeURIComponent('{ whoami { kind } }')}`,
    );
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/CSRF/);
    const textPost = await fetch(shop.router.url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ whoami { kind } }' }),
    });
    expect(textPost.status).toBe(400);
    const formPost = await fetch(shop.router.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'query=%7B%20whoami%20%7B%20kind%20%7D%20%7D',
    });
    expect(formPost.status).toBe(400);
  });

  it('accepts a GET query that carries apollo-require-preflight, and a JSON POST', async () => {
    const get = await fetch(
      `${shop.router.url}?query=${encodeURIComponent('{ whoami { kind } }')}`,
      { headers: { 'apollo-require-preflight': 'true' } },
    );
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual({ data: { whoami: { kind: 'anonymous' } } });
    expect((await shop.call(`{ whoami { kind } }`)).status).toBe(200);
  });
});
