import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { bootstrapAdmin } from '@shop/auth/admin';
import { graphqlRequest, waitFor } from '@shop/testkit';
import { browserAvailable, chromiumPath, launchBrowser, screenshots } from '../src/browser.js';
import { createCategory, createProduct } from '../src/catalog-operations.js';
import { orderDetail } from '../src/checkout-operations.js';
import { reportFigure } from '../src/figures.js';

const browserMissing = browserAvailable
  ? undefined
  : `no browser at ${chromiumPath}: run scripts/install-system-packages.sh`;
if (browserMissing && process.env.SHOP_TEST_INFRA === 'required') throw new Error(browserMissing);

// README's defaults, never a free port: a default the browser or fetch refuses must fail here.
const storefront = 'http://127.0.0.1:5173';
const router = 'http://127.0.0.1:4000/graphql';

/** The environment a newcomer has: no port, URL or infrastructure variable of the shop. */
function newcomerEnv(dataDir: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('SHOP_')),
  );
  return { ...env, SHOP_DATA_DIR: dataDir, SHOP_SEED_DEMO: 'false' };
}

/** Whether any process of the group a terminal would signal is still there. */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(browserMissing)('`pnpm start` on its defaults', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'shop-start-'));
  let shop: ChildProcess;
  let browser: Browser;
  let output = '';

  beforeAll(async () => {
    // Its own process group, as in a terminal: pnpm, tsx and node get the signal together.
    shop = spawn('pnpm', ['start'], {
      env: newcomerEnv(dataDir),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    shop.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    shop.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitFor(
      '`pnpm start` to serve the storefront',
      async () => {
        if (shop.exitCode !== null)
          throw new Error(`pnpm start exited ${shop.exitCode}:\n${output}`);
        return (await fetch(storefront).catch(() => undefined))?.ok;
      },
      { timeoutMs: 180_000, intervalMs: 250 },
    );
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    if (shop?.pid && groupAlive(shop.pid)) process.kill(-shop.pid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('takes a payment in Chromium through the hosted PG page, and the order is PAID', async () => {
    const admin = { email: 'owner@example.com', password: 'owner password for tests' };
    await bootstrapAdmin({ SHOP_DATA_DIR: dataDir }, { ...admin, name: '관리자' });
    const login = await graphqlRequest(
      router,
      `mutation ($input: LoginInput!) { login(input: $input) { ... on AuthSession { accessToken } } }`,
      { variables: { input: admin } },
    );
    const adminToken = (login.data as { login: { accessToken: string } }).login.accessToken;
    const asAdmin = (query: string, variables: Record<string, unknown>) =>
      graphqlRequest<Record<string, any>>(router, query, { variables, token: adminToken }); // eslint-disable-line @typescript-eslint/no-explicit-any
    const category = await asAdmin(createCategory, { input: { name: '양말', slug: 'socks' } });
    const product = await asAdmin(createProduct, {
      input: {
        name: '기본 면 양말',
        categoryId: category.data!.createCategory.id,
        status: 'ACTIVE',
        basePrice: 7_000,
        initialStock: 10,
      },
    });
    expect(product.data!.createProduct.__typename).toBe('Product');

    const shot = screenshots('start-defaults');
    const page = await (
      await browser.newContext({ viewport: { width: 390, height: 844 } })
    ).newPage();
    await page.goto(`${storefront}/signup`);
    await page.getByLabel('이름').fill('김양말');
    await page.getByLabel('이메일').fill('socks@example.com');
    await page.getByLabel('비밀번호').fill('correct horse battery staple');
    await page.getByRole('button', { name: '회원가입' }).click();
    await page.getByRole('heading', { name: '오늘의 추천' }).waitFor();
    await page.getByLabel('상품 검색').fill('면 양말');
    await page.getByRole('button', { name: '검색', exact: true }).click();
    await page.getByRole('link', { name: '기본 면 양말' }).click();
    await page.getByRole('button', { name: '장바구니 담기' }).click();
    await page.getByRole('link', { name: '장바구니 보기' }).click();
    await page.getByRole('link', { name: '주문하기' }).click();
    await page.getByLabel('받는 분').fill('김양말');
    await page.getByLabel('휴대폰 번호').fill('010-1234-5678');
    await page.getByLabel('우편번호').fill('04524');
    await page.getByLabel('주소', { exact: true }).fill('서울 중구 세종대로 110');
    await shot(page, 'checkout');
    await page.getByRole('button', { name: '결제 금액 확인' }).click();
    await page.getByRole('button', { name: '10,000원 결제하기' }).click();

    // The hosted checkout page on the PG sandbox's default port (a port browsers refuse would
    // stop here), then back to the shop, which confirms the payment with the PG.
    await page.waitForURL(/^http:\/\/127\.0\.0\.1:4192\/checkout\?/);
    await shot(page, 'pg-checkout');
    await page.locator('button.pay').click();
    await page.getByRole('heading', { name: '결제 완료' }).waitFor();
    await shot(page, 'paid');
    expect(await page.getByTestId('payment-status').textContent()).toBe('결제 완료');
    // What the shopper reads is what the PG charged.
    expect(
      await page
        .getByRole('row', { name: /결제 금액/ })
        .locator('td')
        .textContent(),
    ).toBe('10,000원');

    const orderId = new URL(page.url()).searchParams.get('orderId')!;
    const order = await asAdmin(orderDetail, { id: orderId });
    expect(order.data!.order).toMatchObject({
      status: 'PAID',
      totalAmount: 10_000,
      payment: { status: 'APPROVED', amount: 10_000 },
    });
  });

  it('stops on SIGTERM well within its deadline, every part cleanly', async () => {
    const pid = shop.pid!;
    const started = performance.now();
    process.kill(-pid, 'SIGTERM');
    await waitFor('every process of `pnpm start` to exit', () => !groupAlive(pid), {
      timeoutMs: 40_000,
    });
    const seconds = (performance.now() - started) / 1000;
    reportFigure(`pnpm start stopped in ${seconds.toFixed(1)} s`);
    expect(output).not.toMatch(/shutdown timed out|stop failed/);
    for (const part of ['client', 'router', 'subgraphs', 'runtime', 'pg-sandbox'])
      expect(output).toContain(`"part":"${part}","msg":"stopped"`);
  });
});
