import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningClientServer } from '@shop/client/server';
import { screenshots, seriousViolations } from '../src/browser.js';
import { createCategory, createProduct } from '../src/catalog-operations.js';
import { signUp } from '../src/checkout-operations.js';
import type { ShopUnderTest } from '../src/shop-under-test.js';
import { startShopWithApps, type ShopWithApps, describeInChromium } from '../src/shop-with-apps.js';
import { signInToAdmin } from '../src/browser-session.js';

const createDiscount = `mutation CreateDiscount($input: CreateDiscountInput!) {
  createDiscount(input: $input) {
    __typename
    ... on Discount { id name value }
    ... on ErrorResult { errorCode message }
  }
}`;

const quote = `query Quote($lines: [QuoteLineInput!]!) {
  quote(lines: $lines) {
    __typename
    ... on CartQuote { subtotal productDiscount total }
    ... on ErrorResult { errorCode message }
  }
}`;

describeInChromium(
  'an operator listing, editing and ending a discount in the admin, in Chromium',
  ({ name, env }) => {
    let started: ShopWithApps;
    let shop: ShopUnderTest;
    let client: RunningClientServer;
    let browser: Browser;
    const fixture = { productId: '', skuId: '', discountName: '', customerToken: '' };

    async function adminPage(width: number): Promise<Page> {
      const page = await (
        await browser.newContext({ viewport: { width, height: width < 800 ? 844 : 900 } })
      ).newPage();
      await signInToAdmin(page, client.url, shop.admin);
      return page;
    }

    /** The price a shopper sees on the product page and is quoted for one unit. */
    async function pricesNow(shopper: Page, expected: string, total: number) {
      await shopper.goto(`${client.url}/products/${fixture.productId}`);
      const price = shopper.locator('p.price');
      await expect.poll(() => price.textContent(), { timeout: 15_000 }).toContain(expected);
      const quoted = await shop.call(
        quote,
        { lines: [{ skuId: fixture.skuId, quantity: 1 }] },
        fixture.customerToken,
      );
      expect(quoted.data?.quote).toMatchObject({ __typename: 'CartQuote', total });
    }

    beforeAll(async () => {
      started = await startShopWithApps(env);
      ({ shop, client, browser } = started);
      const admin = (query: string, variables: Record<string, unknown>) =>
        shop.call(query, variables, shop.adminToken);
      const category = await admin(createCategory, {
        input: { name: '할인 셔츠', slug: `promo-${shop.runId}` },
      });
      const product = await admin(createProduct, {
        input: {
          name: `할인 린넨 셔츠 ${shop.runId}`,
          categoryId: category.data!.createCategory.id,
          status: 'ACTIVE',
          basePrice: 10_000,
          initialStock: 5,
        },
      });
      fixture.productId = product.data!.createProduct.id;
      fixture.skuId = product.data!.createProduct.skus[0].id;
      fixture.discountName = `봄맞이 ${shop.runId}`;
      const created = await admin(createDiscount, {
        input: {
          name: fixture.discountName,
          target: 'PRODUCT',
          targetId: fixture.productId,
          kind: 'RATE',
          value: 10,
          startsAt: new Date(Date.now() - 60_000).toISOString(),
          endsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        },
      });
      expect(created.data?.createDiscount.__typename).toBe('Discount');
      const signedUp = await shop.call(signUp, {
        input: {
          email: `promo.${shop.runId}@example.com`,
          password: 'correct horse battery staple',
          name: '할인 고객',
        },
      });
      fixture.customerToken = (signedUp.data!.signUp as { accessToken: string }).accessToken;
    }, 180_000);

    afterAll(async () => {
      await started?.stop();
    });

    it('makes a coupon with a code, two per customer and offered to no one; a code taken is refused on its field', async () => {
      const staff = await adminPage(1366);
      await staff.getByRole('link', { name: '프로모션·쿠폰' }).click();
      const form = staff.getByRole('group', { name: '새 쿠폰' });
      const coupon = { name: `코드 쿠폰 ${shop.runId}`, code: `WELCOME-${shop.runId}` };
      const make = async () => {
        await form.getByLabel('쿠폰 이름').fill(coupon.name);
        await form.getByLabel('쿠폰 코드').fill(coupon.code);
        await form.getByLabel('1인 한도').fill('2');
        await form.getByLabel('모든 고객에게 쿠폰 받기로 보여 주기').uncheck();
        await form.getByRole('button', { name: '만들기' }).click();
      };
      await make();
      const listed = staff
        .getByRole('region', { name: '쿠폰' })
        .getByRole('row')
        .filter({ hasText: coupon.name });
      await listed.waitFor();
      // Kept upper-case, so customers may type it in any case.
      expect(await listed.getByRole('cell').last().textContent()).toBe(coupon.code.toUpperCase());
      expect(await listed.getByRole('cell').nth(4).textContent()).toBe('2');
      await make();
      await form
        .getByRole('alert')
        .getByText('쿠폰 코드는 영문·숫자·- 4~20자로, 다른 쿠폰과 겹치지 않게 정해 주세요.')
        .waitFor();
      expect(await listed.count()).toBe(1);
      expect(await seriousViolations(staff)).toEqual([]);
    });

    it('lists the discount, edits its rate and ends it; the product page and the quote follow each step', async () => {
      const shot = screenshots(`${name.replace(/\s+/g, '-')}-admin-promotions`);
      const shopper = await (await browser.newContext()).newPage();
      await pricesNow(shopper, '9,000원', 9_000);

      const staff = await adminPage(1366);
      await staff.getByRole('link', { name: '프로모션·쿠폰' }).click();
      const list = staff.getByRole('region', { name: '할인 목록' });
      const row = list.getByRole('row').filter({ hasText: fixture.discountName });
      await row.waitFor();
      expect(await list.getByRole('columnheader').allTextContents()).toEqual([
        '할인 이름',
        '할인 대상',
        '할인',
        '기간',
        '상태',
        '처리',
      ]);
      const cells = await row.getByRole('cell').allTextContents();
      expect(cells.slice(1, 3)).toEqual(['상품', '10%']);
      expect(cells[4]).toBe('진행 중');
      await shot(staff, 'listed-1366');
      expect(await seriousViolations(staff)).toEqual([]);

      // Edit: the rate goes from 10 % to 20 %.
      await row.getByRole('button', { name: `“${fixture.discountName}” 수정` }).click();
      const edit = staff.getByRole('group', { name: `할인 수정: ${fixture.discountName}` });
      await edit.getByLabel('할인', { exact: true }).fill('20');
      await edit.getByRole('button', { name: '저장' }).click();
      await edit
        .getByRole('status')
        .getByText(`“${fixture.discountName}” 할인을 고쳤습니다: 20%`)
        .waitFor();
      await expect.poll(() => row.getByRole('cell').nth(2).textContent()).toBe('20%');
      await shot(staff, 'edited-1366');
      expect(await seriousViolations(staff)).toEqual([]);
      await pricesNow(shopper, '8,000원', 8_000);

      // End: behind a confirmation; keeping it changes nothing.
      await row.getByRole('button', { name: `“${fixture.discountName}” 종료` }).click();
      const dialog = staff.getByRole('dialog', {
        name: `“${fixture.discountName}” 할인을 지금 끝낼까요?`,
      });
      await dialog.waitFor();
      await shot(staff, 'confirm-end-1366');
      expect(await seriousViolations(staff)).toEqual([]);
      await dialog.getByRole('button', { name: '그대로 두기' }).click();
      await dialog.waitFor({ state: 'hidden' });
      expect(await row.getByRole('cell').nth(4).textContent()).toBe('진행 중');

      await row.getByRole('button', { name: `“${fixture.discountName}” 종료` }).click();
      await dialog.getByRole('button', { name: '할인 종료' }).click();
      await staff
        .getByRole('status')
        .getByText(`“${fixture.discountName}” 할인을 끝냈습니다.`)
        .waitFor();
      await expect.poll(() => row.getByRole('cell').nth(4).textContent()).toBe('종료됨');
      expect(await row.getByRole('button').count()).toBe(0);
      await pricesNow(shopper, '10,000원', 10_000);
      expect(await shopper.locator('p.price').textContent()).not.toContain('%');
      await shot(staff, 'ended-1366');
      expect(await seriousViolations(staff)).toEqual([]);

      // On a phone the table scrolls in its own box; the page does not.
      const phone = await adminPage(390);
      await phone.goto(`${client.url}/admin/promotions`);
      await phone
        .getByRole('region', { name: '할인 목록' })
        .getByText(fixture.discountName)
        .waitFor();
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        390,
      );
      await shot(phone, 'promotions-390');
      expect(await seriousViolations(phone)).toEqual([]);
    });
  },
);
