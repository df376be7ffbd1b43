import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import type { RunningClientServer } from '@shop/client/server';
import { customerPassword, signUpInPage, signInToAdmin } from '../src/browser-session.js';
import type { ShopUnderTest } from '../src/shop-under-test.js';
import { startShopWithApps, type ShopWithApps, describeInChromium } from '../src/shop-with-apps.js';

const refreshWithToken = `mutation ($refreshToken: String!) {
  refreshToken(refreshToken: $refreshToken) { __typename ... on ErrorResult { errorCode } }
}`;

/** Answers a raw request line as written (`fetch` would normalise `//host/…` away). */
function rawGet(url: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const sent = request({ host: hostname, port, path, method: 'GET' }, (answer) => {
      let body = '';
      answer.on('data', (chunk: Buffer) => (body += chunk.toString()));
      answer.on('end', () => resolve({ status: answer.statusCode ?? 0, body }));
    });
    sent.on('error', reject);
    sent.end();
  });
}

describeInChromium('the apps’ session and headers in Chromium', ({ env }) => {
  let started: ShopWithApps;
  let shop: ShopUnderTest;
  let client: RunningClientServer;
  let browser: Browser;
  /** Everything the pages' Content-Security-Policy refused, across every page of this run. */
  const cspViolations: string[] = [];

  /** A browser context whose pages report CSP violations, from the event and the console. */
  async function watchedContext(): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.exposeBinding('reportCspViolation', (_source, violation: string) =>
      cspViolations.push(violation),
    );
    await context.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (event) =>
        (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation(
          `${event.violatedDirective} ${event.blockedURI}`,
        ),
      ),
    );
    context.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text()))
        cspViolations.push(message.text());
    });
    return context;
  }

  const refreshCookieOf = async (context: BrowserContext) =>
    (await context.cookies(`${client.url}/session/refresh`)).find(
      (cookie) => cookie.name === 'shop_refresh',
    );

  beforeAll(async () => {
    started = await startShopWithApps(env);
    ({ shop, client, browser } = started);
  }, 180_000);

  afterAll(async () => {
    await started?.stop();
  });

  it('keeps the refresh token in a cookie no script reads, survives a reload, refreshes before the token lapses and signs out', async () => {
    const context = await watchedContext();
    await context.clock.install();
    const page = await context.newPage();
    const signedUp = await signUpInPage(page, client.url, {
      name: '최쿠키',
      email: `cookie.${shop.runId}@example.com`,
    });

    const issued = await refreshCookieOf(context);
    expect(issued).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/session' });
    const visibleToScripts = await page.evaluate(() => ({
      cookies: document.cookie,
      storage: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
    }));
    expect(visibleToScripts.cookies).not.toContain(issued!.value);
    expect(visibleToScripts.storage).not.toContain(issued!.value);
    expect(visibleToScripts.storage).not.toContain(signedUp.token);

    // A reload starts with nothing in memory: the cookie brings the session back (rotated).
    await page.reload();
    await page.getByRole('button', { name: '로그아웃' }).waitFor();
    const afterReload = await refreshCookieOf(context);
    expect(afterReload!.value).not.toBe(issued!.value);

    // Eleven minutes later by the page's clock, the 10-minute token is refreshed before use.
    await page.clock.setSystemTime(Date.now() + 11 * 60_000);
    const refreshed = page.waitForResponse((response) =>
      response.url().endsWith('/session/refresh'),
    );
    const ordersQuery = page.waitForRequest(
      (sent) => sent.url().endsWith('/graphql') && sent.postData()?.includes('MyOrders') === true,
    );
    await page.getByRole('link', { name: '주문 내역' }).click();
    const { result } = (await (await refreshed).json()) as { result: { accessToken: string } };
    expect((await ordersQuery).headers().authorization).toBe(`Bearer ${result.accessToken}`);
    await page.getByRole('heading', { name: '주문 내역' }).waitFor();

    // Signing out ends the session at the router and removes the cookie.
    const lastToken = (await refreshCookieOf(context))!.value;
    await page.getByRole('button', { name: '로그아웃' }).click();
    await page.getByRole('link', { name: '로그인' }).waitFor();
    expect(await refreshCookieOf(context)).toBeUndefined();
    await page.reload();
    await page.getByRole('link', { name: '로그인' }).waitFor();
    const revoked = await shop.call(refreshWithToken, { refreshToken: lastToken });
    expect(revoked.data?.refreshToken).toEqual({
      __typename: 'InvalidRefreshToken',
      errorCode: 'INVALID_REFRESH_TOKEN',
    });
    expect(cspViolations).toEqual([]);
  });

  it('signs in again from the login page; a stolen, already rotated token ends the session', async () => {
    const email = `rotation.${shop.runId}@example.com`;
    await signUpInPage(await (await watchedContext()).newPage(), client.url, {
      name: '정회전',
      email,
    });
    const context = await watchedContext();
    const page = await context.newPage();
    await page.goto(`${client.url}/login`);
    await page.getByLabel('이메일').fill(email);
    await page.getByLabel('비밀번호').fill('not the password at all');
    await page.getByRole('button', { name: '로그인' }).click();
    await page.getByRole('alert').filter({ hasText: /\S/ }).waitFor();
    expect(await refreshCookieOf(context)).toBeUndefined();
    await page.getByLabel('비밀번호').fill(customerPassword);
    await page.getByRole('button', { name: '로그인' }).click();
    await page.getByRole('button', { name: '로그아웃' }).waitFor();

    const stolen = (await refreshCookieOf(context))!.value;
    await page.reload();
    await page.getByRole('button', { name: '로그아웃' }).waitFor();
    // The thief presents the token the browser has already rotated: reuse ends the whole session.
    const reused = await shop.call(refreshWithToken, { refreshToken: stolen });
    expect(reused.data?.refreshToken.__typename).toBe('InvalidRefreshToken');
    await page.reload();
    await page.getByRole('link', { name: '로그인' }).waitFor();
    expect(await refreshCookieOf(context)).toBeUndefined();
    expect(cspViolations).toEqual([]);
  });

  it('sends helmet’s headers and a CSP that the storefront and the admin keep', async () => {
    const answer = await fetch(`${client.url}/`);
    const csp = answer.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('x-frame-options')).toBe('DENY');
    expect(answer.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(answer.headers.get('x-powered-by')).toBeNull();

    const page = await (await watchedContext()).newPage();
    await page.goto(`${client.url}/`);
    await page.getByRole('heading', { name: '오늘의 추천' }).waitFor();
    await page.goto(`${client.url}/search?q=${encodeURIComponent('셔츠')}`);
    await page.getByRole('heading').first().waitFor();
    await page.goto(`${client.url}/cart`);
    await page.getByRole('heading').first().waitFor();
    await signInToAdmin(page, client.url, shop.admin);
    expect(cspViolations).toEqual([]);
  });

  it('is no open proxy: a request line naming another host reaches only the shop', async () => {
    const hits: string[] = [];
    const elsewhere: Server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('reached');
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    const target = `127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
    try {
      const answers = await Promise.all(
        [
          `//${target}/graphql`,
          `//${target}/media/x.png`,
          `http://${target}/graphql`,
          `//${target}/admin/`,
          `//${target}/`,
        ].map((path) => rawGet(client.url, path)),
      );
      for (const answer of answers) {
        expect(answer.status).toBeLessThan(500);
        expect(answer.body).not.toContain('reached');
      }
      expect(hits).toEqual([]);
    } finally {
      elsewhere.close();
    }
  });

  it('refuses session requests from other sites and malformed ones, with a code', async () => {
    const post = (action: string, init: RequestInit = {}) =>
      fetch(`${client.url}/session/${action}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
        ...init,
      });
    const refusals = {
      otherSite: await post('sign-in', {
        headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      }),
      crossSiteFetch: await post('refresh', {
        headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
      }),
      form: await post('sign-in', { headers: { 'content-type': 'text/plain' } }),
      notJson: await post('sign-in', { body: '{"email":' }),
      tooLarge: await post('sign-in', { body: JSON.stringify({ email: 'x'.repeat(20_000) }) }),
      get: await fetch(`${client.url}/session/refresh`),
      unknown: await post('steal'),
    };
    const seen = Object.fromEntries(
      await Promise.all(
        Object.entries(refusals).map(async ([name, answer]) => {
          const body = (await answer.json()) as { errors: { extensions: { code: string } }[] };
          return [name, `${answer.status} ${body.errors[0]!.extensions.code}`];
        }),
      ),
    );
    expect(seen).toEqual({
      otherSite: '403 FORBIDDEN',
      crossSiteFetch: '403 FORBIDDEN',
      form: '415 UNSUPPORTED_MEDIA_TYPE',
      notJson: '400 BAD_REQUEST',
      tooLarge: '413 PAYLOAD_TOO_LARGE',
      get: '405 METHOD_NOT_ALLOWED',
      unknown: '404 NOT_FOUND',
    });
    // Without a cookie there is no session to refresh, and nothing to end.
    expect(await (await post('refresh')).json()).toEqual({ result: null });
    expect(await (await post('sign-out')).json()).toEqual({ result: false });
  });
});
