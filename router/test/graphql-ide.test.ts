import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestShop, type TestShop } from './support/test-shop.js';

/** What a browser's address bar sends. */
const browserAccept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

const openPage = (shop: TestShop) => fetch(shop.router.url, { headers: { accept: browserAccept } });

/** Every URL the page names: stylesheets, scripts, module imports and the editor's workers. */
function urlsIn(html: string): string[] {
  const attributes = [...html.matchAll(/\b(?:href|src)="([^"]+)"/g)].map(([, url]) => url!);
  const imports = [...html.matchAll(/\bfrom\s+"([^"]+)"/g)].map(([, url]) => url!);
  const workers = [...html.matchAll(/worker\("([^"]+)"\)/g)].map(([, file]) => `/ide/${file}`);
  return [...attributes, ...imports, ...workers];
}

describe('the GraphQL IDE in development', () => {
  let shop: TestShop;
  let html: string;
  let policy: string;

  beforeAll(async () => {
    shop = await startTestShop({ NODE_ENV: 'development' });
    const page = await openPage(shop);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    html = await page.text();
    policy = page.headers.get('content-security-policy') ?? '';
  });
  afterAll(async () => {
    await shop?.stop();
  });

  it('serves the page to a browser, naming no other origin and only its own endpoint', () => {
    expect(html).toContain('<title>Shop · GraphQL IDE</title>');
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/unpkg|jsdelivr|esm\.sh|cdn/i);
    expect(html).toContain('"endpoint": "/graphql"');
  });

  it('sends a CSP of its own: this origin only, inline scripts by hash, no eval', () => {
    expect(policy).toMatch(/default-src 'none'/);
    expect(policy).toMatch(/script-src 'self'( 'sha256-[\w+/=]+')+;/);
    expect(policy).toMatch(/connect-src 'self'/);
    expect(policy).toMatch(/worker-src 'self'/);
    expect(policy).toMatch(/frame-ancestors 'none'/);
    expect(policy).not.toMatch(/unsafe-eval|https?:|\*/);
    const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)];
    const hashes = policy.match(/'sha256-/g) ?? [];
    expect(hashes).toHaveLength(scripts.filter(([, body]) => body!.trim() !== '').length);
  });

  it('serves every file the page names from the router itself, under the same CSP', async () => {
    const urls = urlsIn(html);
    expect(urls).toEqual(
      expect.arrayContaining(['/ide/ruru.css', '/ide/ruru.js', '/ide/editorWorker.js']),
    );
    for (const url of urls) {
      expect(url, `${url} is on the router`).toMatch(/^\/ide\//);
      const file = await fetch(new URL(url, shop.origin));
      expect(file.status, url).toBe(200);
      expect(file.headers.get('content-type'), url).toMatch(/^(text\/(css|javascript)|font\/)/);
      expect(file.headers.get('content-security-policy'), url).toBe(policy);
      expect((await file.arrayBuffer()).byteLength, url).toBeGreaterThan(0);
    }
    expect((await fetch(new URL('/ide/no-such-file.js', shop.origin))).status).toBe(404);
  });

  it('leaves GraphQL clients as they were: JSON POSTs answered, other GETs refused (CSRF)', async () => {
    expect((await shop.call(`{ __typename }`)).data).toEqual({ __typename: 'Query' });
    const get = await fetch(`${shop.router.url}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/json' },
    });
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/CSRF/);
  });
});

describe('the GraphQL IDE in production', () => {
  let shop: TestShop;

  beforeAll(async () => {
    shop = await startTestShop({ NODE_ENV: 'production' });
  });
  afterAll(async () => {
    await shop?.stop();
  });

  it('is not served: a browser gets the CSRF refusal and no IDE files exist', async () => {
    const page = await openPage(shop);
    expect(page.status).toBe(400);
    expect(page.headers.get('content-type')).toMatch(/application\/json/);
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
    expect(await page.text()).toMatch(/CSRF/);
    const asset = await fetch(new URL('/ide/ruru.js', shop.origin));
    expect(asset.status).toBe(404);
  });
});
