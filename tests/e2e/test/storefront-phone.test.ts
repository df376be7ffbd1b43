import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { RunningClientServer } from '@shop/client/server';
import { waitFor } from '@shop/testkit';
import { screenshots, seriousViolations } from '../src/browser.js';
import { signUpInPage } from '../src/browser-session.js';
import { createBrand, createCategory, createProduct } from '../src/catalog-operations.js';
import { checkoutFixtures } from '../src/checkout-fixtures.js';
import type { ShopUnderTest } from '../src/shop-under-test.js';
import { startShopWithApps, type ShopWithApps, describeInChromium } from '../src/shop-with-apps.js';

const phone = { width: 390, height: 844 };
const desktop = { width: 1366, height: 900 };

/** A shirt-shaped picture in the product's own colour, as the shop's media would serve it. */
const picture = (hue: number) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
<rect width="64" height="64" fill="hsl(${hue} 45% 88%)"/>
<path d="M20 14l12 6 12-6 10 10-8 6v22H18V30l-8-6z" fill="hsl(${hue} 40% 60%)"/>
</svg>`;

/** Texts in the header that break over two lines or more (each text node should sit on one). */
const wrappedHeaderTexts = (page: Page) =>
  page.evaluate(() => {
    const wrapped: string[] = [];
    const header = document.querySelector('header')!;
    const walker = document.createTreeWalker(header, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(node);
      const lines = new Set(
        [...range.getClientRects()]
          .filter((rect) => rect.width > 1)
          .map((rect) => Math.round(rect.top)),
      );
      if (lines.size > 1) wrapped.push(node.textContent!.trim());
    }
    return wrapped;
  });

/** How far the page reaches past the viewport's width (0 when nothing sticks out). */
const overflowOf = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** The page's title and meta description, as a browser tab and a search result show them. */
const metaOf = (page: Page) =>
  page.evaluate(() => ({
    title: document.title,
    description:
      document.head.querySelector<HTMLMetaElement>('meta[name="description"]')?.content ?? '',
  }));

describeInChromium('the storefront on a phone, in Chromium', ({ name, env }) => {
  const run = name.replace(/\s+/g, '-');
  let started: ShopWithApps;
  let shop: ShopUnderTest;
  let client: RunningClientServer;
  let browser: Browser;
  const category = { id: '', name: '' };
  const shirts: { id: string; name: string; skuIds: Record<string, string> }[] = [];

  /** A context that sees the products' pictures (the shop hosts none for test products). */
  async function phoneContext(): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: phone });
    await context.route('**/media/test/**', (route) =>
      route.fulfill({
        contentType: 'image/svg+xml',
        body: picture(Number(/-(\d+)\.svg$/.exec(route.request().url())?.[1] ?? 0) * 70),
      }),
    );
    return context;
  }

  /** Waits for a page to finish loading: its main heading shown and nothing left loading. */
  async function settled(page: Page, heading: string | RegExp) {
    await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
    await expect.poll(() => page.getByText('불러오는 중…').count(), { timeout: 30_000 }).toBe(0);
    // A listing keeps the results it shows while the next ones load (aria-busy): until they come,
    // the page still shows the last search's.
    await expect
      .poll(() => page.locator('[aria-busy="true"]').count(), { timeout: 30_000 })
      .toBe(0);
    // Each page here names itself once its data is in, in an effect a moment after it renders.
    await page.waitForFunction(() => document.title.endsWith(' · Shop'));
  }

  beforeAll(async () => {
    started = await startShopWithApps(env);
    ({ shop, client, browser } = started);
    const admin = (query: string, variables: Record<string, unknown>) =>
      shop.call(query, variables, shop.adminToken);
    category.name = `여름 셔츠 ${shop.runId}`;
    const created = await admin(createCategory, {
      input: { name: category.name, slug: `phone-shirts-${shop.runId}` },
    });
    category.id = created.data!.createCategory.id;
    const brand = await admin(createBrand, {
      input: { name: `바람 ${shop.runId}`, slug: `wind-${shop.runId}` },
    });
    // Sizes spread so that counting them (L and XL on three shirts) orders them otherwise than
    // their size does; the vest is sized in numbers.
    const range = [
      { name: '린넨 셔츠', price: 29_000, sizes: ['S', 'M', 'L', 'XL'] },
      { name: '옥스퍼드 셔츠', price: 39_000, sizes: ['M', 'L', 'XL', '2XL'] },
      { name: '데님 셔츠', price: 49_000, sizes: ['L', 'XL', '2XL'] },
      { name: '니트 조끼 셔츠', price: 59_000, sizes: ['95', '100', '105'] },
    ];
    for (const [index, item] of range.entries()) {
      const product = await admin(createProduct, {
        input: {
          name: `${item.name} ${shop.runId}`,
          description: `바람이 잘 통하는 ${item.name}. 세탁기에 빨아도 모양이 그대로예요. 어깨선이 자연스럽고 품이 넉넉해 한여름에도 시원하게 입을 수 있습니다.`,
          categoryId: category.id,
          brandId: brand.data!.createBrand.id,
          status: 'ACTIVE',
          basePrice: item.price,
          images: [`/media/test/${shop.runId}-${index + 1}.svg`],
          optionGroups: [{ name: '사이즈', values: item.sizes }],
          skus: item.sizes.map((size) => ({
            options: [{ name: '사이즈', value: size }],
            initialStock: 10,
          })),
        },
      });
      const made = product.data!.createProduct;
      expect(made.__typename).toBe('Product');
      shirts.push({
        id: made.id,
        name: made.name,
        skuIds: Object.fromEntries(
          made.skus.map((sku: { id: string; options: { value: string }[] }) => [
            sku.options[0]!.value,
            sku.id,
          ]),
        ),
      });
    }
    await waitFor('the shirts to be listed in their category', async () => {
      const found = await shop.call(
        `query ($id: ID!) { products(search: { categoryId: $id }) { totalCount } }`,
        { id: category.id },
      );
      return found.data?.products.totalCount === range.length;
    });
  }, 180_000);

  afterAll(async () => {
    await started?.stop();
  });

  it('shows a category’s first products without scrolling, its filters in a drawer, sizes in size order', async () => {
    const shot = screenshots(`${run}-phone-listing`);
    const page = await (await phoneContext()).newPage();
    const found: Record<string, string[]> = {};

    // The menu leads to the category, headed by its name under breadcrumbs.
    await page.goto(client.url);
    await settled(page, '오늘의 추천');
    await page.getByRole('button', { name: '메뉴' }).click();
    const menu = page.getByRole('navigation', { name: '쇼핑 메뉴' });
    await menu.waitFor();
    await shot(page, 'menu');
    found.menu = await seriousViolations(page);
    await menu.getByRole('link', { name: category.name }).click();
    await settled(page, category.name);
    expect(await page.getByRole('navigation', { name: '쇼핑 메뉴' }).count()).toBe(0);
    const crumbs = page.getByRole('navigation', { name: '현재 위치' });
    expect(await crumbs.getByRole('link').allTextContents()).toEqual(['홈']);
    expect(await crumbs.locator('[aria-current="page"]').textContent()).toBe(category.name);

    // The first product shows as the page opens; the filters wait behind their button.
    const first = page.locator('main .grid > li').first();
    const top = await first.evaluate((card) => card.getBoundingClientRect().top);
    expect(top).toBeLessThan(phone.height / 2);
    expect(await page.getByRole('complementary', { name: '검색 조건' }).isVisible()).toBe(false);
    expect(await page.getByText('4개', { exact: true }).isVisible()).toBe(true);
    // Every product picture says what it shows.
    expect((await page.locator('main .grid img').evaluateAll(altsOf)).sort()).toEqual(
      shirts.map((shirt) => shirt.name).sort(),
    );
    await shot(page, 'category');
    found.category = await seriousViolations(page);

    // In the drawer the sizes read smallest first, then the numbered ones, whatever their counts.
    await page.getByRole('button', { name: '필터' }).click();
    const drawer = page.getByRole('complementary', { name: '검색 조건' });
    await drawer.waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.ariaLabel))
      .toBe('필터 닫기');
    const sizes = await drawer
      .getByRole('group', { name: '사이즈' })
      .locator('label')
      .allTextContents();
    expect(sizes.map((size) => size.replace(/\(\d+\)$/, '').trim())).toEqual([
      'S',
      'M',
      'L',
      'XL',
      '2XL',
      '95',
      '100',
      '105',
    ]);
    await shot(page, 'filters');
    found.filters = await seriousViolations(page);

    // The price range applies on Enter; the drawer's button says how many products it leaves.
    await drawer.getByLabel('최저 가격').fill('30000');
    await drawer.getByLabel('최저 가격').press('Enter');
    await page.waitForURL(/min=30000/);
    await drawer.getByRole('button', { name: '상품 3개 보기' }).click();
    await expect.poll(() => page.locator('main .grid > li').count()).toBe(3);
    expect(await drawer.isVisible()).toBe(false);
    await page.getByRole('button', { name: /필터.*적용 1/ }).waitFor();
    expect(await overflowOf(page)).toBe(0);

    // A search with facets shows its first product as it opens, too.
    await page.getByLabel('상품 검색').fill(`셔츠 ${shop.runId}`);
    await page.getByRole('button', { name: '검색', exact: true }).click();
    await settled(page, `“셔츠 ${shop.runId}” 검색 결과`);
    await shot(page, 'search');
    // Every shirt, and no filter of the category's carried into the search.
    expect(await page.locator('.result-count').textContent()).toBe('4개');
    expect(
      await page
        .locator('main .grid > li')
        .first()
        .evaluate((card) => card.getBoundingClientRect().top),
    ).toBeLessThan(phone.height / 2);
    found.search = await seriousViolations(page);

    // Nothing found: the shop offers its categories and what is popular instead.
    await page.goto(`${client.url}/search?q=qqqxxxzzzvvv`);
    await page.getByText('조건에 맞는 상품이 없습니다.').waitFor();
    await page.getByRole('heading', { name: '카테고리에서 찾아보기' }).waitFor();
    await page.getByRole('link', { name: category.name }).waitFor();
    await page.getByRole('heading', { name: '지금 많이 찾는 상품' }).waitFor();
    expect(await page.locator('main .grid > li').count()).toBeGreaterThan(0);
    await shot(page, 'no-results');
    found['no-results'] = await seriousViolations(page);

    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((label) => [label, []])));
  });

  it('lets the keyboard skip to the content, and keeps the buy bar on screen on a product', async () => {
    const shot = screenshots(`${run}-phone-product`);
    const page = await (await phoneContext()).newPage();
    await page.goto(client.url);
    await settled(page, '오늘의 추천');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: '본문으로 건너뛰기' });
    expect(await skip.evaluate((link) => link === document.activeElement)).toBe(true);
    expect((await skip.boundingBox())!.y).toBeGreaterThanOrEqual(0);
    await shot(page, 'skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');

    const shirt = shirts[0]!;
    await page.goto(`${client.url}/products/${shirt.id}`);
    await settled(page, shirt.name);
    expect(await page.getByRole('img', { name: shirt.name }).count()).toBe(1);
    const crumbs = page.getByRole('navigation', { name: '현재 위치' });
    expect(await crumbs.getByRole('link').allTextContents()).toEqual(['홈', category.name]);
    // The bar sits at the screen's foot as the page opens, and still as the shopper reads on.
    const add = page.getByRole('button', { name: '장바구니 담기' });
    const bottomOf = async () => {
      const box = (await add.boundingBox())!;
      return box.y + box.height;
    };
    expect(await bottomOf()).toBeLessThanOrEqual(phone.height);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
    expect(await bottomOf()).toBeLessThanOrEqual(phone.height);
    expect(await bottomOf()).toBeGreaterThan(phone.height - 120);
    await page.getByRole('button', { name: 'M', exact: true }).click();
    await page.getByRole('button', { name: '하나 더하기' }).click();
    expect(await page.getByLabel('수량').inputValue()).toBe('2');
    await page.getByText('58,000원').waitFor();
    await shot(page, 'product');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('fits every page in a phone’s width, with one title each and the header on one line', async () => {
    const phoneShot = screenshots(`${run}-phone-pages`);
    const desktopShot = screenshots(`${run}-desktop-pages`);
    const page = await (await phoneContext()).newPage();
    const overflow: Record<string, number> = {};
    const wrapped: Record<string, string[]> = {};
    const titles: Record<string, string> = {};
    const accessibility: Record<string, string[]> = {};

    /** Checks the page at a phone's width, then looks at it on a wide screen too. */
    async function check(label: string, heading: string | RegExp) {
      await settled(page, heading);
      overflow[label] = await overflowOf(page);
      wrapped[label] = await wrappedHeaderTexts(page);
      const meta = await metaOf(page);
      expect(meta.description, label).not.toBe('');
      titles[label] = meta.title;
      accessibility[label] = await seriousViolations(page);
      await phoneShot(page, label);
      await page.setViewportSize(desktop);
      overflow[`${label} (wide)`] = await overflowOf(page);
      wrapped[`${label} (wide)`] = await wrappedHeaderTexts(page);
      await desktopShot(page, label);
      await page.setViewportSize(phone);
    }
    const visit = async (label: string, path: string, heading: string | RegExp) => {
      await page.goto(`${client.url}${path}`);
      await check(label, heading);
    };

    const shirt = shirts[1]!;
    await visit('home', '/', '오늘의 추천');
    await visit('search', `/search?q=${encodeURIComponent('셔츠')}`, '“셔츠” 검색 결과');
    await visit('category', `/search?category=${category.id}`, category.name);
    await visit('product', `/products/${shirt.id}`, shirt.name);
    await visit('sign-in', '/login', '로그인');
    await visit('sign-up', '/signup', '회원가입');

    // In English too, nothing in the header wraps.
    await page.goto(client.url);
    await page.getByRole('button', { name: 'English' }).click();
    await settled(page, 'Picked for today');
    wrapped['home (English)'] = await wrappedHeaderTexts(page);
    overflow['home (English)'] = await overflowOf(page);
    await page.getByRole('button', { name: '한국어' }).click();

    const { token } = await signUpInPage(page, client.url, {
      name: '한바람',
      email: `phone.${shop.runId}@example.com`,
    });
    wrapped['home (signed in)'] = await wrappedHeaderTexts(page);
    await page.goto(`${client.url}/products/${shirt.id}`);
    await page.getByRole('button', { name: 'L', exact: true }).click();
    await page.getByRole('button', { name: '장바구니 담기' }).click();
    await page.getByRole('link', { name: '장바구니 보기' }).click();
    const line = page.getByRole('list', { name: '장바구니' }).getByRole('listitem');
    await line.getByText('39,000원').first().waitFor();
    expect(await line.locator('img').getAttribute('alt')).toBe(`${shirt.name} 사이즈 L`);
    await check('cart', '장바구니');
    await page.getByRole('link', { name: '주문하기' }).click();
    await check('checkout', '주문서');

    const placed = (
      await checkoutFixtures(shop).order(token, {
        lines: [{ skuId: shirt.skuIds['XL'], quantity: 1 }],
      })
    ).data!.createOrder;
    await visit('orders', '/orders', '주문 내역');
    // The order's heading carries its status after its name.
    await visit(
      'order',
      `/orders/${placed.id}`,
      new RegExp(`^${placed.orderName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    );
    await visit('account', '/account', '한바람님');

    expect(overflow).toEqual(Object.fromEntries(Object.keys(overflow).map((label) => [label, 0])));
    expect(wrapped).toEqual(Object.fromEntries(Object.keys(wrapped).map((label) => [label, []])));
    expect(titles).toEqual({
      home: '오늘의 추천 · Shop',
      search: '“셔츠” 검색 결과 · Shop',
      category: `${category.name} · Shop`,
      product: `${shirt.name} · Shop`,
      'sign-in': '로그인 · Shop',
      'sign-up': '회원가입 · Shop',
      cart: '장바구니 · Shop',
      checkout: '주문서 · Shop',
      orders: '주문 내역 · Shop',
      order: `${placed.orderName} · Shop`,
      account: '내 정보 · Shop',
    });
    expect(accessibility).toEqual(
      Object.fromEntries(Object.keys(accessibility).map((label) => [label, []])),
    );
  }, 240_000);
});

function altsOf(images: HTMLImageElement[]): string[] {
  return images.map((image) => image.alt);
}
