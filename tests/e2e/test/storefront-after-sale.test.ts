import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningClientServer } from '@shop/client/server';
import {
  deliveredOrder,
  oneUnitReturn,
  requestReturn,
  returnOneUnit,
} from '../src/after-sale-operations.js';
import { screenshots, seriousViolations } from '../src/browser.js';
import { signUpInPage, signInToAdmin } from '../src/browser-session.js';
import { createBrand, createCategory, createProduct } from '../src/catalog-operations.js';
import { checkoutFixtures } from '../src/checkout-fixtures.js';
import type { ShopUnderTest } from '../src/shop-under-test.js';
import { startShopWithApps, type ShopWithApps, describeInChromium } from '../src/shop-with-apps.js';

/** As the client formats KRW: 30000 → "30,000원". */
const won = (amount: number) => `${new Intl.NumberFormat('ko-KR').format(amount)}원`;

describeInChromium('the order page after the sale, in Chromium', ({ name, env }) => {
  let started: ShopWithApps;
  let shop: ShopUnderTest;
  let client: RunningClientServer;
  let browser: Browser;
  const shirt = { name: '', skuId: '' };
  const trousers = { name: '', skuId: '' };

  /** Signs a new customer up through the page: who they are, as the page was handed it. */
  const signUp = (page: Page, email: string) =>
    signUpInPage(page, client.url, { name: '박반품', email });

  beforeAll(async () => {
    started = await startShopWithApps(env);
    ({ shop, client, browser } = started);

    const admin = (query: string, variables: Record<string, unknown>) =>
      shop.call(query, variables, shop.adminToken);
    const category = await admin(createCategory, {
      input: { name: '반품 테스트', slug: `after-sale-${shop.runId}` },
    });
    const brand = await admin(createBrand, {
      input: { name: `바람 ${shop.runId}`, slug: `wind-${shop.runId}` },
    });
    const product = async (item: { name: string; skuId: string }, name: string, price: number) => {
      item.name = `${name} ${shop.runId}`;
      const created = await admin(createProduct, {
        input: {
          name: item.name,
          categoryId: category.data!.createCategory.id,
          brandId: brand.data!.createBrand.id,
          status: 'ACTIVE',
          basePrice: price,
          initialStock: 10,
        },
      });
      item.skuId = created.data!.createProduct.skus[0].id;
    };
    await product(shirt, '린넨 셔츠', 30_000);
    await product(trousers, '면 바지', 20_000);
  }, 180_000);

  afterAll(async () => {
    await started?.stop();
  });

  it('shows the returned line, the refund, what is left to return and when 구매 확정 is offered', async () => {
    const shot = screenshots(`${name.replace(/\s+/g, '-')}-after-sale`);
    const found: Record<string, string[]> = {};
    const page = await (
      await browser.newContext({ viewport: { width: 390, height: 844 } })
    ).newPage();
    const buyer = await signUp(page, `after-sale.${shop.runId}@example.com`);
    // Bought, paid, shipped and delivered behind the scenes, by the customer signed in here.
    const given = checkoutFixtures(shop);
    const { order, lines } = await deliveredOrder(shop, { ...given, customer: async () => buyer }, [
      shirt.skuId,
      trousers.skuId,
    ]);
    const shirtLine = lines.find((line) => line.sku.id === shirt.skuId)!;
    const trousersLine = lines.find((line) => line.sku.id === trousers.skuId)!;
    const status = page.getByTestId('order-status');
    const confirm = page.getByRole('button', { name: '구매 확정' });
    const returnable = page.getByLabel('반품할 상품').locator('option');
    const rowOf = (item: { name: string }) => page.getByRole('row').filter({ hasText: item.name });

    // Delivered: both lines may be returned, and the purchase confirmed.
    await page.goto(`${client.url}/orders/${order.id}`);
    await status.filter({ hasText: '배송 완료' }).waitFor();
    await confirm.waitFor();
    expect((await returnable.allTextContents()).map((text) => text.trim()).sort()).toEqual(
      [shirt.name, trousers.name].sort(),
    );

    // The shirt comes back (defective) and is refunded; the page follows on its own.
    const refunded = await returnOneUnit(shop, buyer.token, order.id, shirtLine.id);
    expect(refunded).toMatchObject({ status: 'REFUNDED', refundedAmount: shirtLine.paidAmount });
    await status.filter({ hasText: '부분 반품' }).waitFor({ timeout: 30_000 });
    await rowOf(shirt)
      .getByTestId('line-returned')
      .filter({ hasText: `반품 1개 · 환불 ${won(refunded.refundedAmount)}` })
      .waitFor();
    expect(await rowOf(trousers).getByTestId('line-returned').count()).toBe(0);
    await page
      .getByTestId('refunded-amount')
      .filter({ hasText: won(refunded.refundedAmount) })
      .waitFor({ timeout: 30_000 });
    // Only the trousers are left to return; nothing is open, so 구매 확정 is still offered.
    expect((await returnable.allTextContents()).map((text) => text.trim())).toEqual([
      trousers.name,
    ]);
    expect(await confirm.isEnabled()).toBe(true);
    expect(await page.getByTestId('return-open').count()).toBe(0);
    await shot(page, 'partly-returned');
    found['partly-returned'] = await seriousViolations(page);

    // A return of the trousers opens while the page still offers 구매 확정 (its refreshes held
    // back, as a page opened earlier would): the shop refuses it.
    const operationOf = (request: { postData(): string | null }) =>
      (JSON.parse(request.postData() ?? '{}') as { operationName?: string }).operationName;
    const seen = await page.waitForResponse(
      (response) => operationOf(response.request()) === 'OrderDetail',
    );
    const held = await seen.text();
    expect(held).toContain('"canConfirmPurchase":true');
    await page.route('**/graphql', (route) =>
      operationOf(route.request()) === 'OrderDetail'
        ? route.fulfill({ status: 200, contentType: 'application/json', body: held })
        : route.fallback(),
    );
    const opened = (
      await shop.call(requestReturn, oneUnitReturn(order.id, trousersLine.id), buyer.token)
    ).data!.requestReturn;
    expect(opened.__typename).toBe('Return');
    const refused = page.waitForResponse(
      (response) => operationOf(response.request()) === 'ConfirmPurchase',
    );
    await confirm.click();
    expect(await (await refused).json()).toMatchObject({
      data: { confirmPurchase: { __typename: 'ReturnOpen', errorCode: 'RETURN_OPEN' } },
    });

    // Refreshed: no 구매 확정 while the return is open; the refusal and a note say why, and
    // nothing is left to return.
    await page.unroute('**/graphql');
    await page.getByTestId('return-open').waitFor({ timeout: 30_000 });
    await confirm.waitFor({ state: 'detached' });
    await page
      .getByRole('alert')
      .filter({ hasText: '진행 중인 반품이 있어 아직 구매 확정할 수 없습니다' })
      .waitFor();
    expect(await page.getByLabel('반품할 상품').count()).toBe(0);
    expect(await page.getByTestId('return-open').textContent()).toContain(
      '반품이 끝나면 구매 확정할 수 있어요',
    );
    await shot(page, 'return-open');
    found['return-open'] = await seriousViolations(page);

    // The admin finds the open return on the returns page, approves and receives it.
    const staff = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 } })
    ).newPage();
    await signInToAdmin(staff, client.url, shop.admin);
    await staff.getByRole('link', { name: '반품·교환', exact: true }).click();
    const row = staff.locator(`[data-return-id="${opened.id}"]`);
    await row.getByText(trousers.name).waitFor();
    expect(await row.getByText('신청됨').count()).toBe(1);
    found['admin-returns'] = await seriousViolations(staff);
    await shot(staff, 'admin-open-return');
    await row.getByRole('button', { name: '반품 승인' }).click();
    await row.getByRole('button', { name: '입고·환불' }).click();
    await row.waitFor({ state: 'detached' });

    // Every unit is back: returned, both lines refunded, nothing to confirm or return.
    await status.filter({ hasText: '반품 완료' }).waitFor({ timeout: 30_000 });
    await rowOf(trousers)
      .getByTestId('line-returned')
      .filter({ hasText: `반품 1개 · 환불 ${won(trousersLine.paidAmount)}` })
      .waitFor();
    await page
      .getByTestId('refunded-amount')
      .filter({ hasText: won(shirtLine.paidAmount + trousersLine.paidAmount) })
      .waitFor({ timeout: 30_000 });
    expect(await confirm.count()).toBe(0);
    expect(await page.getByTestId('return-open').count()).toBe(0);
    expect(await page.getByLabel('반품할 상품').count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    await shot(page, 'returned');
    found.returned = await seriousViolations(page);

    // The order list shows the new status.
    await page.goto(`${client.url}/orders`);
    await page.getByRole('row').filter({ hasText: '반품 완료' }).waitFor();

    // The payouts page loads and exports its CSV.
    await staff.getByRole('link', { name: '브랜드 지급' }).click();
    await staff.getByRole('heading', { name: '브랜드 지급' }).waitFor();
    await expect.poll(() => staff.getByText('불러오는 중…').count()).toBe(0);
    expect(await staff.getByRole('alert').allTextContents()).toEqual([]);
    found['admin-payouts'] = await seriousViolations(staff);
    const exported = await Promise.all([
      staff.waitForEvent('download'),
      staff.getByRole('button', { name: 'CSV 내려받기' }).click(),
    ]).then(([download]) => download.suggestedFilename());
    expect(exported).toMatch(/^payouts-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);

    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((page) => [page, []])));
  }, 240_000);
});
