import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { RunningClientServer } from '@shop/client/server';
import { waitFor } from '@shop/testkit';
import { appearsWithoutAlert, screenshots, seriousViolations } from '../src/browser.js';
import { signUpInPage } from '../src/browser-session.js';
import { createBrand, createCategory, createProduct } from '../src/catalog-operations.js';
import { adjustPoints, createCouponTemplate, createDiscount } from '../src/checkout-operations.js';
import { reportFigure } from '../src/figures.js';
import { rowAmount, wonIn } from '../src/page-figures.js';
import type { ShopUnderTest } from '../src/shop-under-test.js';
import { startShopWithApps, type ShopWithApps, describeInChromium } from '../src/shop-with-apps.js';

const shirtPicture = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
<rect width="64" height="64" fill="#cfe3f7"/><path d="M20 14l12 6 12-6 10 10-8 6v22H18V30l-8-6z" fill="#fff"/>
</svg>`;

describeInChromium('the money before paying, in Chromium', ({ name, env }) => {
  let started: ShopWithApps;
  let shop: ShopUnderTest;
  let client: RunningClientServer;
  let browser: Browser;
  const shirt = { name: '', image: '' };
  const coupon = { name: '' };

  beforeAll(async () => {
    started = await startShopWithApps(env);
    ({ shop, client, browser } = started);
    const admin = (query: string, variables: Record<string, unknown>) =>
      shop.call(query, variables, shop.adminToken);
    shirt.name = `여름 린넨 셔츠 ${shop.runId}`;
    // The shop hosts no picture of it: the browser is handed one (below).
    shirt.image = `/media/test/${shop.runId}.svg`;
    coupon.name = `천원 쿠폰 ${shop.runId}`;
    const category = await admin(createCategory, {
      input: { name: '여름 셔츠', slug: `summer-${shop.runId}` },
    });
    const brand = await admin(createBrand, {
      input: { name: `바다 ${shop.runId}`, slug: `sea-${shop.runId}` },
    });
    // S at 12,000원 and L at 13,000원: the listing advertises the cheaper, "from".
    const product = await admin(createProduct, {
      input: {
        name: shirt.name,
        categoryId: category.data!.createCategory.id,
        brandId: brand.data!.createBrand.id,
        status: 'ACTIVE',
        basePrice: 12_000,
        images: [shirt.image],
        optionGroups: [{ name: '사이즈', values: ['S', 'L'] }],
        skus: [
          { options: [{ name: '사이즈', value: 'S' }], initialStock: 5 },
          { options: [{ name: '사이즈', value: 'L' }], price: 13_000, initialStock: 5 },
        ],
      },
    });
    expect(product.data!.createProduct.__typename).toBe('Product');
    const now = Date.now();
    const discount = await admin(createDiscount, {
      input: {
        name: `여름 10% ${shop.runId}`,
        target: 'PRODUCT',
        targetId: product.data!.createProduct.id,
        kind: 'RATE',
        value: 10,
        startsAt: new Date(now - 60_000).toISOString(),
        endsAt: new Date(now + 86_400_000).toISOString(),
      },
    });
    expect(discount.data!.createDiscount.__typename).toBe('Discount');
    await admin(createCouponTemplate, {
      input: {
        name: coupon.name,
        kind: 'FIXED',
        value: 1_000,
        validFrom: new Date(now - 60_000).toISOString(),
        // Among the 50 claimable coupons that end soonest, whatever other runs left behind.
        validUntil: new Date(now + 2 * 3_600_000).toISOString(),
        totalLimit: 100,
        claimable: true,
      },
    });
    await waitFor('the shirt to be searchable', async () => {
      const found = await shop.call(
        `query { products(search: { text: "여름 린넨" }) { nodes { name } } }`,
      );
      return found.data?.products.nodes.some((node: { name: string }) => node.name === shirt.name);
    });
  }, 180_000);

  afterAll(async () => {
    await started?.stop();
  });

  it('shows sale prices, and before the PG the very amount it charges, as the confirmation does', async () => {
    const shot = screenshots(`${name.replace(/\s+/g, '-')}-money`);
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.route(`**${shirt.image}`, (route) =>
      route.fulfill({ contentType: 'image/svg+xml', body: shirtPicture }),
    );
    const page = await context.newPage();
    const accessibility: Record<string, string[]> = {};
    const { userId } = await signUpInPage(page, client.url, {
      name: '박지갑',
      email: `wallet.${shop.runId}@example.com`,
    });
    await shop.call(
      adjustPoints,
      { userId, amount: 2_000, reference: `money-${shop.runId}` },
      shop.adminToken,
    );

    // The listing shows the sale on the cheapest size, before any option is picked.
    await page.getByLabel('상품 검색').fill('여름 린넨');
    await page.getByRole('button', { name: '검색', exact: true }).click();
    const card = page.getByRole('listitem').filter({ hasText: shirt.name });
    expect(await card.locator('.price').textContent()).toBe('10% 12,000원 → 10,800원부터');
    await shot(page, 'listing-sale');

    // So does the product page, until a size is picked; then that size's sale price.
    await page.getByRole('link', { name: shirt.name }).click();
    const price = page.locator('article .price');
    await price.filter({ hasText: '10% 12,000원 → 10,800원부터' }).waitFor();
    await page.getByRole('button', { name: 'S', exact: true }).click();
    expect(await price.textContent()).toBe('10% 12,000원 → 10,800원');
    await shot(page, 'product-sale');
    await page.getByLabel('수량').fill('2');
    await page.getByRole('button', { name: '장바구니 담기' }).click();
    await page.getByRole('link', { name: '장바구니 보기' }).click();

    // The cart: the line with its picture, size, sale and discount, and the server's totals,
    // shipping included, with what more would ship free (from 50,000원 of goods).
    const cartLine = page.getByRole('list', { name: '장바구니' }).getByRole('listitem');
    await cartLine.getByText('21,600원').waitFor();
    expect(await cartLine.locator('img').getAttribute('src')).toBe(shirt.image);
    expect(await cartLine.textContent()).toContain('사이즈 S');
    expect(await cartLine.textContent()).toContain('12,000원 × 2개');
    expect(await cartLine.textContent()).toContain('상품 할인 10% −2,400원');
    const cartSummary = page.getByRole('table', { name: '장바구니 금액' });
    const cart = {
      subtotal: await rowAmount(cartSummary, '상품 금액'),
      productDiscount: await rowAmount(cartSummary, '상품 할인'),
      total: await rowAmount(cartSummary, '상품 합계'),
      shippingFee: await rowAmount(cartSummary, '배송비'),
      toPay: await rowAmount(cartSummary, '결제 예정 금액'),
    };
    expect(cart).toEqual({
      subtotal: 24_000,
      productDiscount: 2_400,
      total: 21_600,
      shippingFee: 3_000,
      toPay: 24_600,
    });
    await page.getByText('28,400원 더 담으면 무료배송').waitFor();
    await shot(page, 'cart');
    accessibility.cart = await seriousViolations(page);

    // Checkout: an address, a claimed coupon and 500 points.
    await page.getByRole('link', { name: '주문하기' }).click();
    await page.getByLabel('받는 분').fill('박지갑');
    await page.getByLabel('휴대폰 번호').fill('010-2345-6789');
    await page.getByLabel('우편번호').fill('04524');
    await page.getByLabel('주소', { exact: true }).fill('서울 중구 세종대로 110');
    await page.getByRole('button', { name: `${coupon.name} 쿠폰 받기` }).click();
    await page.getByText('쿠폰을 받았습니다.').waitFor();
    // The claimed coupon leaves the offers once they are read again, and the page below moves up:
    // a click aimed before that lands on whatever moved under it.
    await page
      .getByRole('button', { name: `${coupon.name} 쿠폰 받기` })
      .waitFor({ state: 'detached' });
    await page.getByLabel('쿠폰', { exact: true }).selectOption({ label: coupon.name });
    await page.getByLabel(/사용할 포인트/).fill('500');
    const discounts = page.getByRole('table', { name: '할인 내역' });
    await discounts.getByText('−1,000원').waitFor();
    expect(await rowAmount(discounts, '포인트 사용')).toBe(500);
    await page.getByRole('list', { name: '주문 상품' }).getByText('쿠폰 할인 −1,000원').waitFor();
    // Before anything is placed, the server's quote: shipping and the amount to pay.
    await discounts.getByText('23,100원').waitFor();
    const beforePlacing = {
      subtotal: await rowAmount(discounts, '상품 금액'),
      productDiscount: await rowAmount(discounts, '상품 할인'),
      couponDiscount: await rowAmount(discounts, '쿠폰 할인'),
      pointsUsed: await rowAmount(discounts, '포인트 사용'),
      shippingFee: await rowAmount(discounts, '배송비'),
      total: await rowAmount(discounts, '결제 금액'),
    };
    expect(beforePlacing).toMatchObject({ shippingFee: 3_000, total: 23_100 });
    await page.getByText('29,400원 더 담으면 무료배송').waitFor();
    await shot(page, 'checkout-choices');
    accessibility.checkout = await seriousViolations(page);

    // Placed: every figure as the order has it, shipping included, and the amount to pay.
    await page.getByRole('button', { name: '결제 금액 확인' }).click();
    const toPay = page.getByRole('table', { name: '결제 금액' });
    await appearsWithoutAlert(page, toPay);
    const checkout = {
      subtotal: await rowAmount(toPay, '상품 금액'),
      productDiscount: await rowAmount(toPay, '상품 할인'),
      couponDiscount: await rowAmount(toPay, '쿠폰 할인'),
      pointsUsed: await rowAmount(toPay, '포인트 사용'),
      shippingFee: await rowAmount(toPay, '배송비'),
      total: await rowAmount(toPay, '결제 금액'),
    };
    expect(checkout).toEqual({
      subtotal: 24_000,
      productDiscount: 2_400,
      couponDiscount: 1_000,
      pointsUsed: 500,
      shippingFee: 3_000,
      total: 23_100,
    });
    // The order placed is the one quoted, figure for figure.
    expect(checkout).toEqual(beforePlacing);
    expect(
      await page
        .getByRole('list', { name: '주문 상품' })
        .getByRole('listitem')
        .locator('img')
        .getAttribute('src'),
    ).toBe(shirt.image);

    // Changing it cancels it, which gives the coupon and points back: placed again, the same.
    await page.getByRole('button', { name: '주문 변경' }).click();
    await page.getByRole('button', { name: '결제 금액 확인' }).click();
    expect(await rowAmount(toPay, '결제 금액')).toBe(checkout.total);
    const payButton = page.getByRole('button', { name: /결제하기$/ });
    expect(wonIn(await payButton.textContent())).toBe(checkout.total);
    await shot(page, 'checkout-to-pay');
    accessibility['checkout-to-pay'] = await seriousViolations(page);

    // The PG's page charges that amount.
    await payButton.click();
    await page.waitForURL(/\/checkout\?/);
    const pgCharge = wonIn(await page.locator('p.amount').textContent());
    await shot(page, 'pg-checkout');
    await page.locator('button.pay').click();

    // And the confirmation names the order and what was charged.
    await page.getByRole('heading', { name: '결제 완료' }).waitFor();
    const receipt = page.getByRole('table', { name: '결제 내역' });
    await receipt.getByText(shirt.name).waitFor();
    const confirmed = await rowAmount(receipt, '결제 금액');
    expect(await page.getByTestId('payment-status').textContent()).toBe('결제 완료');
    const orderNumber = receipt.getByRole('row', { name: /주문번호/ }).getByRole('cell');
    expect(await orderNumber.textContent()).toBe(new URL(page.url()).searchParams.get('orderId'));
    await shot(page, 'paid');
    accessibility.paid = await seriousViolations(page);

    reportFigure(
      `storefront money: cart ${cart.total}원 (items), checkout ${checkout.total}원, ` +
        `PG ${pgCharge}원, confirmation ${confirmed}원`,
    );
    // The cart knows no coupon or points yet: with them it comes to what was charged.
    expect(cart.total - checkout.couponDiscount - checkout.pointsUsed + checkout.shippingFee).toBe(
      pgCharge,
    );
    expect(cart.toPay - checkout.couponDiscount - checkout.pointsUsed).toBe(pgCharge);
    expect({ checkout: checkout.total, confirmed }).toEqual({
      checkout: pgCharge,
      confirmed: pgCharge,
    });

    // In English the same amount reads as English writes won.
    await page.getByRole('button', { name: 'English' }).click();
    expect(
      await page
        .getByRole('table', { name: 'Payment' })
        .getByRole('row', { name: /Amount charged/ })
        .getByRole('cell')
        .textContent(),
    ).toBe('₩23,100');

    expect(accessibility).toEqual(
      Object.fromEntries(Object.keys(accessibility).map((label) => [label, []])),
    );
  }, 240_000);

  it('ships free once the cart reaches 50,000원, and stops hinting', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await context.route(`**${shirt.image}`, (route) =>
      route.fulfill({ contentType: 'image/svg+xml', body: shirtPicture }),
    );
    const page = await context.newPage();
    await signUpInPage(page, client.url, {
      name: '최배송',
      email: `free.shipping.${shop.runId}@example.com`,
    });
    // Four L at 11,700원 on sale: 46,800원 of goods, 3,200원 short of free shipping.
    await page.getByLabel('상품 검색').fill('여름 린넨');
    await page.getByRole('button', { name: '검색', exact: true }).click();
    await page.getByRole('link', { name: shirt.name }).click();
    await page.getByRole('button', { name: 'L', exact: true }).click();
    await page.getByLabel('수량').fill('4');
    await page.getByRole('button', { name: '장바구니 담기' }).click();
    await page.getByRole('link', { name: '장바구니 보기' }).click();
    const cartSummary = page.getByRole('table', { name: '장바구니 금액' });
    const toPay = cartSummary.getByRole('row', { name: /결제 예정 금액/ });
    await toPay.getByText('49,800원').waitFor();
    expect(await rowAmount(cartSummary, '상품 합계')).toBe(46_800);
    expect(await rowAmount(cartSummary, '배송비')).toBe(3_000);
    await page.getByText('3,200원 더 담으면 무료배송').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Add ₩3,200 more for free shipping').waitFor();
    await page.getByRole('button', { name: '한국어' }).click();

    // A fifth: 58,500원 of goods ship free, and there is nothing more to hint at.
    await page.getByLabel(`${shirt.name} 수량`).fill('5');
    await toPay.getByText('58,500원').waitFor();
    expect({
      total: await rowAmount(cartSummary, '상품 합계'),
      shippingFee: await rowAmount(cartSummary, '배송비'),
    }).toEqual({ total: 58_500, shippingFee: 0 });
    expect(await page.getByText(/더 담으면 무료배송/).count()).toBe(0);
    await context.close();
  }, 120_000);
});
