import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningClientServer } from '@shop/client/server';
import { waitFor } from '@shop/testkit';
import { screenshots, seriousViolations } from '../src/browser.js';
import { signUpInPage } from '../src/browser-session.js';
import { createBrand, createCategory, createProduct } from '../src/catalog-operations.js';
import { createCouponTemplate } from '../src/checkout-operations.js';
import type { ShopUnderTest } from '../src/shop-under-test.js';
import { startShopWithApps, type ShopWithApps, describeInChromium } from '../src/shop-with-apps.js';

const viewports = [
  { width: 390, height: 844 },
  { width: 1366, height: 900 },
];
const shades = ['#cfe3f7', '#f7d9cf', '#d9f7cf'];
const picture = (fill: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="${fill}"/></svg>`;

/**
 * The src of the picture the gallery's track has come to rest on (null while it still glides):
 * the one the shopper sees.
 */
function shownPicture(page: Page): Promise<string | null> {
  return page.locator('.gallery-track').evaluate((track) => {
    const step = track.scrollLeft / track.clientWidth;
    if (Math.abs(step - Math.round(step)) > 0.01) return null;
    const box = track.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return hit instanceof HTMLImageElement ? hit.getAttribute('src') : null;
  });
}

describeInChromium('the product gallery and coupon claims, in Chromium', ({ name, env }) => {
  let started: ShopWithApps;
  let shop: ShopUnderTest;
  let client: RunningClientServer;
  let browser: Browser;
  const mug = { id: '', name: '', images: [] as string[] };
  const coupon = { name: '' };

  beforeAll(async () => {
    started = await startShopWithApps(env);
    ({ shop, client, browser } = started);
    const admin = (query: string, variables: Record<string, unknown>) =>
      shop.call(query, variables, shop.adminToken);
    mug.name = `도자기 머그컵 ${shop.runId}`;
    // The shop hosts none of these pictures: each context is handed them (below).
    mug.images = shades.map((_, index) => `/media/test/${shop.runId}-${index + 1}.svg`);
    coupon.name = `갤러리 쿠폰 ${shop.runId}`;
    const category = await admin(createCategory, {
      input: { name: '머그컵', slug: `mugs-${shop.runId}` },
    });
    const brand = await admin(createBrand, {
      input: { name: `도예 ${shop.runId}`, slug: `pottery-${shop.runId}` },
    });
    const product = await admin(createProduct, {
      input: {
        name: mug.name,
        categoryId: category.data!.createCategory.id,
        brandId: brand.data!.createBrand.id,
        status: 'ACTIVE',
        basePrice: 15_000,
        images: mug.images,
        optionGroups: [{ name: '색상', values: ['화이트'] }],
        skus: [{ options: [{ name: '색상', value: '화이트' }], initialStock: 20 }],
      },
    });
    expect(product.data!.createProduct.__typename).toBe('Product');
    mug.id = product.data!.createProduct.id;
    const now = Date.now();
    const template = await admin(createCouponTemplate, {
      input: {
        name: coupon.name,
        kind: 'FIXED',
        value: 1_000,
        validFrom: new Date(now - 60_000).toISOString(),
        // Among the 50 claimable coupons that end soonest, whatever other runs left behind.
        validUntil: new Date(now + 3_600_000).toISOString(),
        totalLimit: 100,
        claimable: true,
      },
    });
    expect(template.data!.createCouponTemplate.__typename).toBe('CouponTemplate');
    await waitFor('the mug to be searchable', async () => {
      const found = await shop.call(
        `query { products(search: { text: "도자기 머그컵" }) { nodes { name } } }`,
      );
      return found.data?.products.nodes.some((node: { name: string }) => node.name === mug.name);
    });
  }, 180_000);

  afterAll(async () => {
    await started?.stop();
  });

  it.each(viewports)(
    'at $width px: the gallery shows the picked picture, and a claimed coupon leaves the offers',
    async (viewport) => {
      const shot = screenshots(`${name.replace(/\s+/g, '-')}-gallery-${viewport.width}`);
      const context = await browser.newContext({ viewport });
      for (const [index, image] of mug.images.entries())
        await context.route(`**${image}`, (route) =>
          route.fulfill({ contentType: 'image/svg+xml', body: picture(shades[index]!) }),
        );
      const page = await context.newPage();
      const accessibility: Record<string, string[]> = {};
      await signUpInPage(page, client.url, {
        name: '한갤러',
        email: `gallery.${viewport.width}.${shop.runId}@example.com`,
      });

      // The product page: the first picture shown, a thumbnail for each.
      await page.goto(`${client.url}/products/${mug.id}`);
      const track = page.getByRole('region', { name: `${mug.name} 사진` });
      await track.getByRole('img', { name: mug.name, exact: true }).waitFor();
      const thumbnails = page.getByRole('group', { name: '사진 고르기' }).getByRole('button');
      expect(await thumbnails.count()).toBe(3);
      await expect.poll(() => shownPicture(page)).toBe(mug.images[0]);
      await shot(page, 'gallery-first');
      accessibility.product = await seriousViolations(page);

      // Picking the second thumbnail brings its picture into view, and marks the thumbnail.
      const second = page.getByRole('button', { name: '사진 2/3 보기' });
      await second.click();
      await expect.poll(() => shownPicture(page)).toBe(mug.images[1]);
      expect(await second.getAttribute('aria-current')).toBe('true');

      // The keyboard moves through the track as well.
      await track.focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => shownPicture(page)).toBe(mug.images[2]);
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => shownPicture(page)).toBe(mug.images[1]);
      await shot(page, 'gallery-second');
      accessibility['product-picked'] = await seriousViolations(page);

      // Checkout offers the coupon until it is claimed (once per customer), then no more.
      await page.getByRole('button', { name: '화이트', exact: true }).click();
      await page.getByRole('button', { name: '장바구니 담기' }).click();
      await page.getByRole('link', { name: '장바구니 보기' }).click();
      await page.getByRole('link', { name: '주문하기' }).click();
      const claim = page.getByRole('button', { name: `${coupon.name} 쿠폰 받기` });
      await claim.waitFor();
      await shot(page, 'checkout-offers');
      accessibility.checkout = await seriousViolations(page);
      await claim.click();
      await page.getByText('쿠폰을 받았습니다.').waitFor();
      await claim.waitFor({ state: 'detached' });
      // It is the shopper's now, to pick at checkout.
      await page.getByLabel('쿠폰', { exact: true }).selectOption({ label: coupon.name });
      await shot(page, 'checkout-claimed');
      accessibility['checkout-claimed'] = await seriousViolations(page);
      await context.close();

      expect(accessibility).toEqual(
        Object.fromEntries(Object.keys(accessibility).map((label) => [label, []])),
      );
    },
    180_000,
  );
});
