import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningClientServer } from '@shop/client/server';
import { screenshots, seriousViolations } from '../src/browser.js';
import { signUpInPage } from '../src/browser-session.js';
import { createBrand, createCategory, createProduct } from '../src/catalog-operations.js';
import { address } from '../src/checkout-fixtures.js';
import { createCouponTemplate, createOrder } from '../src/checkout-operations.js';
import type { ShopUnderTest } from '../src/shop-under-test.js';
import { startShopWithApps, type ShopWithApps, describeInChromium } from '../src/shop-with-apps.js';

const viewports = [
  { width: 390, height: 844 },
  { width: 1366, height: 900 },
];

/** What the shopper reads for each refusal, in each language (client/src/shared/error-messages.ts). */
const said = {
  wrongPassword: {
    ko: '이메일 또는 비밀번호가 올바르지 않습니다.',
    en: 'The email or the password is wrong.',
  },
  claimedTwice: {
    ko: '이 쿠폰은 더 받을 수 없습니다.',
    en: 'You already have as many of this coupon as one customer may.',
  },
  outOfStock: {
    ko: '재고가 부족한 상품이 있습니다. 수량을 줄이거나 다른 옵션을 골라 주세요.',
    en: 'Some items are out of stock. Lower the quantity or choose other options.',
  },
};

/**
 * The refusals a shopper meets most, each in the words of the error table in Korean and then in
 * English, never an empty box or the server's own text (a declined card: storefront-decline).
 */
describeInChromium('refusals a shopper reads, in Chromium', ({ name, env }) => {
  let started: ShopWithApps;
  let shop: ShopUnderTest;
  let client: RunningClientServer;
  let browser: Browser;
  const run = name.replace(/\s+/g, '-');
  const admin = (query: string, variables: Record<string, unknown>) =>
    shop.call(query, variables, shop.adminToken);

  beforeAll(async () => {
    started = await startShopWithApps(env);
    ({ shop, client, browser } = started);
  }, 180_000);

  afterAll(async () => {
    await started?.stop();
  });

  /**
   * The one refusal on the page, read in Korean, then again once the shopper picks English (and
   * back to Korean after).
   */
  async function readInBothLanguages(page: Page, refusal: { ko: string; en: string }) {
    const alert = page.getByRole('alert').filter({ hasText: refusal.ko });
    await alert.waitFor();
    const korean = await page.getByRole('alert').allTextContents();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('alert').filter({ hasText: refusal.en }).waitFor();
    const english = await page.getByRole('alert').allTextContents();
    // The choice is kept for the whole browser profile: back to Korean for the next step.
    await page.getByRole('button', { name: '한국어' }).click();
    return { korean, english };
  }

  /** A product of one SKU (no options) with `stock` units, on sale. */
  async function productWithStock(stock: number) {
    const productName = `면 손수건 ${randomUUID().slice(0, 6)}`;
    const category = await admin(createCategory, {
      input: { name: '손수건', slug: `hankies-${randomUUID().slice(0, 8)}` },
    });
    const brand = await admin(createBrand, {
      input: {
        name: `면 ${randomUUID().slice(0, 6)}`,
        slug: `cotton-${randomUUID().slice(0, 8)}`,
      },
    });
    const product = await admin(createProduct, {
      input: {
        name: productName,
        categoryId: category.data!.createCategory.id,
        brandId: brand.data!.createBrand.id,
        status: 'ACTIVE',
        basePrice: 6_000,
        initialStock: stock,
      },
    });
    const created = product.data!.createProduct as { id: string; skus: { id: string }[] };
    return { productName, productId: created.id, skuId: created.skus[0]!.id };
  }

  it.each(viewports)(
    'at $width px: a wrong password, a coupon claimed twice and an order out of stock',
    async (viewport) => {
      const shot = screenshots(`${run}-errors-${viewport.width}`);
      const newPage = async () => (await browser.newContext({ viewport })).newPage();
      const accessibility: Record<string, string[]> = {};

      // A wrong password, at the login page.
      const email = `errors.${viewport.width}.${shop.runId}@example.com`;
      const shopper = await newPage();
      await signUpInPage(shopper, client.url, { name: '오류진', email });
      const stranger = await newPage();
      await stranger.goto(`${client.url}/login`);
      await stranger.getByLabel('이메일').fill(email);
      await stranger.getByLabel('비밀번호').fill('not the password at all');
      await stranger.getByRole('button', { name: '로그인', exact: true }).click();
      await shot(stranger, 'wrong-password');
      accessibility.login = await seriousViolations(stranger);
      expect(await readInBothLanguages(stranger, said.wrongPassword)).toEqual({
        korean: [said.wrongPassword.ko],
        english: [said.wrongPassword.en],
      });

      // A coupon of one per customer, claimed in one tab and then again in another.
      const couponName = `한 번 쿠폰 ${randomUUID().slice(0, 6)}`;
      await admin(createCouponTemplate, {
        input: {
          name: couponName,
          kind: 'FIXED',
          value: 1_000,
          validFrom: new Date(Date.now() - 60_000).toISOString(),
          // Offers are listed ending soonest first, up to 50: ending soon, this one is among them
          // beside the other runs' coupons (the real services keep one promotion database).
          validUntil: new Date(Date.now() + 30 * 60_000).toISOString(),
          totalLimit: 100,
          perCustomerLimit: 1,
          claimable: true,
        },
      });
      const claimButton = { name: `${couponName} 쿠폰 받기` };
      const otherTab = await shopper.context().newPage();
      for (const tab of [shopper, otherTab]) {
        await tab.goto(`${client.url}/account`);
        await tab.getByRole('button', claimButton).waitFor();
      }
      await shopper.getByRole('button', claimButton).click();
      await shopper.getByText('쿠폰을 받았습니다.').waitFor();
      await otherTab.getByRole('button', claimButton).click();
      await otherTab.getByRole('alert').filter({ hasText: said.claimedTwice.ko }).waitFor();
      await shot(otherTab, 'claimed-twice');
      accessibility.account = await seriousViolations(otherTab);
      expect(await readInBothLanguages(otherTab, said.claimedTwice)).toEqual({
        korean: [said.claimedTwice.ko],
        english: [said.claimedTwice.en],
      });
      await otherTab.close();

      // The last unit, in the cart, held by another buyer's order before this one is placed.
      const { productName, productId, skuId } = await productWithStock(1);
      await shopper.goto(`${client.url}/products/${productId}`);
      await shopper.getByRole('heading', { name: productName }).waitFor();
      await shopper.getByRole('button', { name: '장바구니 담기' }).click();
      await shopper.getByRole('link', { name: '장바구니 보기' }).click();
      const rival = await signUpInPage(await newPage(), client.url, {
        name: '먼저산',
        email: `rival.${viewport.width}.${shop.runId}@example.com`,
      });
      const held = await shop.call(
        createOrder,
        {
          input: {
            lines: [{ skuId, quantity: 1 }],
            shippingAddress: address,
            idempotencyKey: randomUUID(),
          },
        },
        rival.token,
      );
      expect(held.data!.createOrder.status).toBe('PENDING');
      await shopper.getByRole('link', { name: '주문하기' }).click();
      await shopper.getByLabel('받는 분').fill(address.recipient);
      await shopper.getByLabel('휴대폰 번호').fill(address.phone);
      await shopper.getByLabel('우편번호').fill(address.postalCode);
      await shopper.getByLabel('주소', { exact: true }).fill(address.line1);
      // A code the shop handed out for a coupon it does not offer: a typo is said, then claimed.
      const coded = { name: `코드 쿠폰 ${shop.runId}`, code: `CODE-${randomUUID().slice(0, 8)}` };
      await admin(createCouponTemplate, {
        input: {
          name: coded.name,
          kind: 'FIXED',
          value: 500,
          validFrom: new Date(Date.now() - 60_000).toISOString(),
          validUntil: new Date(Date.now() + 86_400_000).toISOString(),
          totalLimit: 10,
          code: coded.code,
        },
      });
      const codeField = shopper.getByLabel('쿠폰 코드');
      await codeField.fill('NO-SUCH-CODE');
      await shopper.getByRole('button', { name: '코드 등록' }).click();
      await shopper.getByRole('alert').filter({ hasText: '없는 쿠폰입니다.' }).waitFor();
      await codeField.fill(coded.code.toLowerCase());
      await codeField.press('Enter');
      await shopper.getByText('쿠폰을 받았습니다.').waitFor();
      const couponChoice = shopper.getByLabel('쿠폰', { exact: true });
      await couponChoice.locator('option', { hasText: coded.name }).waitFor({ state: 'attached' });
      expect(await shopper.getByRole('alert').filter({ hasText: /\S/ }).count()).toBe(0);
      await shopper.getByRole('button', { name: '결제 금액 확인' }).click();
      await shopper.getByRole('alert').filter({ hasText: said.outOfStock.ko }).waitFor();
      await shot(shopper, 'out-of-stock');
      accessibility.checkout = await seriousViolations(shopper);
      expect(await readInBothLanguages(shopper, said.outOfStock)).toEqual({
        korean: [said.outOfStock.ko],
        english: [said.outOfStock.en],
      });
      await shot(shopper, 'out-of-stock-en');

      expect(accessibility).toEqual({ login: [], account: [], checkout: [] });
      await shopper.context().close();
    },
    240_000,
  );
});
