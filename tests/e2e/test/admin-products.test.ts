import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningClientServer } from '@shop/client/server';
import { appearsWithoutAlert, screenshots, seriousViolations } from '../src/browser.js';
import { createBrand, createCategory } from '../src/catalog-operations.js';
import type { ShopUnderTest } from '../src/shop-under-test.js';
import { startShopWithApps, type ShopWithApps, describeInChromium } from '../src/shop-with-apps.js';
import { signInToAdmin } from '../src/browser-session.js';

// Two 1×1 PNGs, as an operator's files would be uploaded.
const pictures = [
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
].map((base64, index) => ({
  name: `view-${index + 1}.png`,
  mimeType: 'image/png',
  buffer: Buffer.from(base64, 'base64'),
}));

const description = [
  '## 소재',
  '',
  '**면 100%** 티셔츠입니다.',
  '',
  '<script>window.injected = true</script>',
].join('\n');

describeInChromium(
  'an operator lists a product with pictures and options, in Chromium',
  ({ name, env }) => {
    let started: ShopWithApps;
    let shop: ShopUnderTest;
    let client: RunningClientServer;
    let browser: Browser;
    const taxonomy = { categoryId: '', brand: '' };

    beforeAll(async () => {
      started = await startShopWithApps(env);
      ({ shop, client, browser } = started);
      const admin = (query: string, variables: Record<string, unknown>) =>
        shop.call(query, variables, shop.adminToken);
      const category = await admin(createCategory, {
        input: { name: '반팔 티셔츠', slug: `tees-${shop.runId}` },
      });
      taxonomy.categoryId = category.data!.createCategory.id;
      taxonomy.brand = `들판 ${shop.runId}`;
      await admin(createBrand, { input: { name: taxonomy.brand, slug: `field-${shop.runId}` } });
    }, 180_000);

    afterAll(async () => {
      await started?.stop();
    });

    async function adminPage(width: number): Promise<Page> {
      const page = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
      await signInToAdmin(page, client.url, shop.admin);
      return page;
    }

    it('creates, pictures, disables a variant and writes stock off; the shop and the history show it', async () => {
      const shot = screenshots(`${name.replace(/\s+/g, '-')}-admin-products`);
      const found: Record<string, string[]> = {};
      const tee = `들판 반팔 티 ${shop.runId}`;

      // Created from the form: a Markdown description and colour × size.
      const staff = await adminPage(1366);
      await staff.goto(`${client.url}/admin/products`);
      const form = staff.getByRole('group', { name: '새 상품' });
      await form.getByLabel('상품명').fill(tee);
      await form.getByLabel('설명 (마크다운)').fill(description);
      await form.getByLabel('카테고리').selectOption(taxonomy.categoryId);
      await form.getByLabel('브랜드').selectOption({ label: taxonomy.brand });
      await form.getByLabel('판매가(원)').fill('19000');
      await form.getByLabel('초기 재고').fill('5');
      await form.getByLabel('옵션 1 이름').fill('색상');
      await form.getByLabel('옵션 1 값 (쉼표로 구분)').fill('블랙, 화이트');
      await form.getByLabel('옵션 2 이름').fill('사이즈');
      await form.getByLabel('옵션 2 값 (쉼표로 구분)').fill('S, M');
      await form.getByLabel('판매 상태').selectOption('ACTIVE');
      await form.getByRole('button', { name: '만들기' }).click();
      await appearsWithoutAlert(staff, form.getByRole('link', { name: `${tee} 편집` }));
      await form.getByRole('link', { name: `${tee} 편집` }).click();
      await staff.getByRole('heading', { name: `${tee} 편집` }).waitFor();
      const productId = staff.url().split('/').pop()!;
      await expect.poll(() => staff.getByRole('row').count()).toBe(5);

      // Two pictures uploaded, shown as thumbnails in order.
      await staff.getByLabel(/^사진 올리기/).setInputFiles(pictures);
      const thumbnails = staff.getByRole('img', { name: new RegExp(`^${tee} 사진 \\d$`) });
      await expect.poll(() => thumbnails.count(), { timeout: 30_000 }).toBe(2);

      // 블랙 · M no longer sold.
      const blackM = staff.getByLabel('블랙 · M 판매');
      // Controlled by what the shop saved: it unticks once the change is stored.
      await blackM.click();
      await expect.poll(() => blackM.isChecked(), { timeout: 30_000 }).toBe(false);

      // Two units of 블랙 · S damaged: below what is reserved would be refused, this is not.
      const blackS = staff.getByRole('row').filter({ hasText: '블랙 · S' });
      await blackS.getByLabel('블랙 · S 조정 사유').selectOption('DAMAGED');
      await blackS.getByLabel('블랙 · S 수량').fill('-2');
      await blackS.getByLabel('블랙 · S 메모').fill('물류 파손');
      await blackS.getByRole('button', { name: '조정' }).click();
      await appearsWithoutAlert(staff, blackS.getByRole('status').filter({ hasText: '재고 3개' }));

      // The history lists each change: received at creation, then the damage, by the operator (named by auth).
      await staff.getByText('이력: 블랙 · S').click();
      const history = staff.getByRole('table', { name: '블랙 · S 재고 이력' });
      const rows = history.getByRole('row');
      await expect.poll(() => rows.count()).toBe(3);
      expect(await rows.nth(1).getByRole('cell').allTextContents()).toEqual([
        expect.any(String),
        '파손',
        '-2',
        shop.admin.email,
        '물류 파손',
      ]);
      expect(await rows.nth(2).textContent()).toMatch(/입고.*\+5.*시스템/);
      await shot(staff, 'admin-edit-1366');
      found.adminEdit = await seriousViolations(staff);
      await staff.setViewportSize({ width: 390, height: 844 });
      await shot(staff, 'admin-edit-390');
      found.adminEditNarrow = await seriousViolations(staff);

      // The storefront: the description as Markdown, no script run; both pictures; 블랙 · M unavailable.
      for (const width of [390, 1366]) {
        const context = await browser.newContext({ viewport: { width, height: 900 } });
        const shopper = await context.newPage();
        await shopper.goto(`${client.url}/products/${productId}`);
        await shopper.getByRole('heading', { name: tee }).waitFor();
        const text = shopper.locator('.product-description');
        await text.getByRole('heading', { name: '소재' }).waitFor();
        expect(await text.locator('strong').textContent()).toBe('면 100%');
        expect(await text.textContent()).toContain('<script>window.injected = true</script>');
        expect(await text.locator('script').count()).toBe(0);
        expect(await shopper.evaluate(() => 'injected' in window)).toBe(false);
        const gallery = shopper.getByRole('region', { name: `${tee} 사진` });
        const images = await gallery
          .locator('img')
          .evaluateAll((nodes) =>
            nodes.map((node) => (node as HTMLImageElement).getAttribute('src')),
          );
        expect(images).toHaveLength(2);
        expect(images.every((src) => src?.startsWith('/media/images/'))).toBe(true);
        await shopper.getByRole('button', { name: '블랙' }).click();
        expect(await shopper.getByRole('button', { name: 'M', exact: true }).isDisabled()).toBe(
          true,
        );
        expect(await shopper.getByRole('button', { name: 'S', exact: true }).isDisabled()).toBe(
          false,
        );
        await shot(shopper, `storefront-${width}`);
        found[`storefront${width}`] = await seriousViolations(shopper);
        await context.close();
      }
      expect(found).toEqual(Object.fromEntries(Object.keys(found).map((page) => [page, []])));
    }, 240_000);
  },
);
