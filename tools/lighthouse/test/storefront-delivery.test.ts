import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientDist, startClientServer, type RunningClientServer } from '@shop/client/server';
import { ensureClientBuilt } from '../../../scripts/client-build.js';
import { firstLoad, type FirstLoad } from '../src/first-load.js';

const maxFirstLoadGzipBytes = 170 * 1024;

describe('the storefront as the client server delivers it', () => {
  let storefront: FirstLoad;
  let server: RunningClientServer;

  beforeAll(async () => {
    ensureClientBuilt(() => {});
    storefront = firstLoad(clientDist, 'storefront');
    // Static files only: nothing here reaches the upstreams.
    server = await startClientServer({
      port: 0,
      routerUrl: 'http://127.0.0.1:9/graphql',
      mediaOrigin: 'http://127.0.0.1:9',
      pgCheckoutUrl: 'http://127.0.0.1:9/checkout',
      pgClientKey: 'test_ck_sandbox',
    });
  });

  afterAll(async () => {
    await server?.stop();
  });

  it(`loads at most ${maxFirstLoadGzipBytes / 1024} KB of JavaScript (gzip) first`, () => {
    expect(storefront.modules).toContain('src/storefront/main.tsx');
    expect(storefront.gzipBytes).toBeLessThanOrEqual(maxFirstLoadGzipBytes);
  });

  it("loads none of the admin dashboard's modules", () => {
    expect(firstLoad(clientDist, 'admin').modules).toContain('src/admin/main.tsx');
    expect(storefront.modules.filter((module) => module.startsWith('src/admin/'))).toEqual([]);
  });

  it('sends a hashed asset compressed, to be cached for good', async () => {
    const asset = `${server.url}/${storefront.files[0]}`;
    for (const encoding of ['br', 'gzip']) {
      const answer = await fetch(asset, { headers: { 'accept-encoding': encoding } });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-encoding')).toBe(encoding);
      expect(answer.headers.get('vary')).toBe('Accept-Encoding');
      expect(answer.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
    expect((await fetch(`${server.url}/assets/gone-1234`)).status).toBe(404);
  });

  it("revalidates the apps' pages, under the Content-Security-Policy", async () => {
    for (const path of ['/', '/products/some-product', '/admin/']) {
      const answer = await fetch(`${server.url}${path}`, { headers: { 'accept-encoding': 'br' } });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('cache-control')).toBe('no-cache');
      expect(answer.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(await answer.text()).toContain('<div id="root"></div>');
    }
  });
});
