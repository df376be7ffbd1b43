import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningClientServer } from '@shop/client/server';
import { waitFor } from '@shop/testkit';
import { screenshots, seriousViolations } from '../src/browser.js';
import { createBrand, createCategory, createProduct } from '../src/catalog-operations.js';
import { signUpInPage, signInToAdmin } from '../src/browser-session.js';
import { checkoutFixtures } from '../src/checkout-fixtures.js';
import { createCouponTemplate } from '../src/checkout-operations.js';
import type { ShopUnderTest } from '../src/shop-under-test.js';
import { startShopWithApps, type ShopWithApps, describeInChromium } from '../src/shop-with-apps.js';

describeInChromium('the storefront and the admin dashboard in Chromium', ({ name, env }) => {
  let started: ShopWithApps;
  let shop: ShopUnderTest;
  let client: RunningClientServer;
  let browser: Browser;
  const shirt = { name: '', brand: '', categoryId: '' };
  const coupon = { name: '' };
  const accessibility: Record<string, string[]> = {};

  /** Signs a new customer up through the page; their access token, as the page was handed it. */
  const signUp = async (page: Page, email: string) =>
    (await signUpInPage(page, client.url, { name: '이고객', email })).token;

  /** Opens the admin dashboard in a desktop-sized page, signed in as the administrator. */
  async function adminPage(): Promise<Page> {
    const page = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 } })
    ).newPage();
    await signInToAdmin(page, client.url, shop.admin);
    return page;
  }

  /** Checks the page with axe and keeps what it found, reported together at the end. */
  async function audit(page: Page, label: string) {
    accessibility[label] = await seriousViolations(page);
  }

  beforeAll(async () => {
    started = await startShopWithApps(env);
    ({ shop, client, browser } = started);

    const admin = (query: string, variables: Record<string, unknown>) =>
      shop.call(query, variables, shop.adminToken);
    shirt.name = `린넨 반팔 셔츠 ${shop.runId}`;
    shirt.brand = `하늘 ${shop.runId}`;
    coupon.name = `가입 축하 쿠폰 ${shop.runId}`;
    const category = await admin(createCategory, {
      input: { name: '셔츠', slug: `shirts-${shop.runId}` },
    });
    shirt.categoryId = category.data!.createCategory.id;
    const brand = await admin(createBrand, {
      input: { name: shirt.brand, slug: `sky-${shop.runId}` },
    });
    const stock = (color: string, size: string, units: number) => ({
      options: [
        { name: '색상', value: color },
        { name: '사이즈', value: size },
      ],
      initialStock: units,
    });
    const product = await admin(createProduct, {
      input: {
        name: shirt.name,
        description: '시원한 린넨 반팔 셔츠',
        categoryId: category.data!.createCategory.id,
        brandId: brand.data!.createBrand.id,
        status: 'ACTIVE',
        basePrice: 39_000,
        optionGroups: [
          { name: '색상', values: ['화이트', '블랙'] },
          { name: '사이즈', values: ['M', 'L'] },
        ],
        // Black in L is sold out: the picker must say so.
        skus: [
          stock('화이트', 'M', 5),
          stock('화이트', 'L', 5),
          stock('블랙', 'M', 5),
          stock('블랙', 'L', 0),
        ],
      },
    });
    expect(product.data!.createProduct.__typename).toBe('Product');
    await admin(createCouponTemplate, {
      input: {
        name: coupon.name,
        kind: 'FIXED',
        value: 3_000,
        validFrom: new Date(Date.now() - 60_000).toISOString(),
        // The storefront lists the 50 claimable coupons that end soonest; the real services keep
        // other runs' coupons (valid for a day), so this one ends sooner to be among them.
        validUntil: new Date(Date.now() + 2 * 3_600_000).toISOString(),
        totalLimit: 100,
        claimable: true,
      },
    });
    await waitFor('the shirt to be searchable', async () => {
      const found = await shop.call(
        `query { products(search: { text: "린넨 반팔" }) { nodes { name } } }`,
      );
      return found.data?.products.nodes.some((node: { name: string }) => node.name === shirt.name);
    });
  }, 180_000);

  afterAll(async () => {
    await started?.stop();
  });

  it('sells, ships, delivers, confirms and refunds a return, as a customer and an admin would', async () => {
    const shot = screenshots(name.replace(/\s+/g, '-'));
    const customer = await (
      await browser.newContext({ viewport: { width: 390, height: 844 } })
    ).newPage();
    const staff = await (
      await browser.newContext({ viewport: { width: 1280, height: 900 } })
    ).newPage();

    // A new customer signs up.
    await customer.goto(`${client.url}/signup`);
    await customer.getByLabel('이름').fill('김하늘');
    await customer.getByLabel('이메일').fill(`sky.${shop.runId}@example.com`);
    await customer.getByLabel('비밀번호').fill('correct horse battery staple');
    await shot(customer, 'sign-up');
    await customer.getByRole('button', { name: '회원가입' }).click();
    await customer.getByRole('heading', { name: '오늘의 추천' }).waitFor();
    await audit(customer, 'home');

    // Searches in Korean and opens the shirt.
    await customer.getByLabel('상품 검색').fill('린넨 반팔');
    await customer.getByRole('button', { name: '검색', exact: true }).click();
    await customer.getByRole('link', { name: shirt.name }).waitFor();
    await shot(customer, 'search');
    await audit(customer, 'search');
    await customer.getByRole('link', { name: shirt.name }).click();

    // Black in L is sold out, so picking black greys out L; white in M is picked.
    await customer.getByRole('button', { name: '블랙' }).click();
    expect(await customer.getByRole('button', { name: 'L', exact: true }).isDisabled()).toBe(true);
    await shot(customer, 'sold-out-combination');
    await customer.getByRole('button', { name: '화이트' }).click();
    await customer.getByRole('button', { name: 'M', exact: true }).click();
    await customer.getByText('구매 가능 5개').waitFor();
    await audit(customer, 'product');
    await customer.getByRole('button', { name: '장바구니 담기' }).click();
    await customer.getByRole('link', { name: '장바구니 보기' }).click();
    await audit(customer, 'cart');
    await customer.getByRole('link', { name: '주문하기' }).click();

    // Checks out with an address and a claimed coupon.
    await customer.getByLabel('받는 분').fill('김하늘');
    await customer.getByLabel('휴대폰 번호').fill('010-1234-5678');
    await customer.getByLabel('우편번호').fill('04524');
    await customer.getByLabel('주소', { exact: true }).fill('서울 중구 세종대로 110');
    await customer.getByRole('button', { name: `${coupon.name} 쿠폰 받기` }).click();
    await customer.getByText('쿠폰을 받았습니다.').waitFor();
    await customer.getByLabel('쿠폰', { exact: true }).selectOption({ label: coupon.name });
    await customer.getByRole('table', { name: '할인 내역' }).getByText('−3,000원').waitFor();
    await shot(customer, 'checkout');
    await audit(customer, 'checkout');
    // Placed, the order shows what the PG will charge: less the coupon, plus shipping.
    await customer.getByRole('button', { name: '결제 금액 확인' }).click();
    await customer.getByRole('button', { name: '39,000원 결제하기' }).click();

    // Pays on the PG sandbox's page and comes back paid.
    await customer.waitForURL(/\/checkout\?/);
    await shot(customer, 'pg-checkout');
    await customer.locator('button.pay').click();
    await customer.getByRole('heading', { name: '결제 완료' }).waitFor();
    const orderId = new URL(customer.url()).searchParams.get('orderId')!;
    expect(await customer.getByTestId('payment-status').textContent()).toBe('결제 완료');
    await shot(customer, 'paid');

    // The admin ships it.
    await signInToAdmin(staff, client.url, shop.admin);
    await audit(staff, 'admin-dashboard');
    await staff.getByRole('link', { name: '주문', exact: true }).click();
    const order = staff.locator(`[data-order-id="${orderId}"]`);
    await order.getByRole('button', { name: '발송 처리' }).click();
    await order.getByText('출고', { exact: false }).first().waitFor();
    await shot(staff, 'shipped');
    await audit(staff, 'admin-orders');

    // The customer sees it delivered, with its timeline, and confirms the purchase.
    await customer.goto(`${client.url}/orders/${orderId}`);
    await customer
      .getByTestId('order-status')
      .filter({ hasText: '배송 완료' })
      .waitFor({ timeout: 30_000 });
    expect(await customer.locator('ol.timeline li').count()).toBeGreaterThanOrEqual(3);
    await shot(customer, 'delivered');
    await audit(customer, 'order');
    await customer.getByRole('button', { name: '구매 확정' }).click();
    await customer.getByTestId('order-status').filter({ hasText: '구매 확정' }).waitFor();

    // …then asks to return it: defective, so the whole line comes back.
    await customer.getByLabel('사유').selectOption('DEFECTIVE');
    await customer.getByRole('button', { name: '신청하기', exact: true }).click();
    await customer.getByText('신청했습니다.', { exact: true }).waitFor();
    await shot(customer, 'return-requested');

    // The admin approves, receives and so refunds it.
    await staff.reload();
    await order.getByRole('button', { name: '반품 승인' }).click();
    await order.getByRole('button', { name: '입고·환불' }).click();
    await order.getByText('환불 완료').waitFor();
    await shot(staff, 'return-refunded');

    // The customer sees the refund: the shirt's price less the coupon.
    await customer.reload();
    await customer.getByTestId('return-status').filter({ hasText: '환불 완료' }).waitFor();
    expect(await customer.getByTestId('payment-refund').textContent()).toContain('36,000원');
    await shot(customer, 'refunded');

    expect(accessibility).toEqual(
      Object.fromEntries(Object.keys(accessibility).map((page) => [page, []])),
    );
  }, 240_000);

  it('exchanges a delivered shirt for another size from the order page', async () => {
    const page = await (await browser.newContext()).newPage();
    const token = await signUp(page, `exchange.${shop.runId}@example.com`);
    // Bought and delivered behind the scenes; the exchange itself is asked for in the page.
    const skus = (
      await shop.call(`query { products(search: { text: "린넨 반팔" }) { nodes { id name } } }`)
    ).data!.products.nodes.find((node: { name: string }) => node.name === shirt.name);
    const detail = await shop.call(
      `query ($id: ID!) { product(id: $id) { skus { id options { name value } } } }`,
      { id: skus.id },
    );
    const skuOf = (color: string, size: string) =>
      detail.data!.product.skus.find(
        (sku: { options: { value: string }[] }) =>
          sku.options.some((o) => o.value === color) && sku.options.some((o) => o.value === size),
      ).id as string;
    const given = checkoutFixtures(shop);
    const order = (
      await given.order(token, { lines: [{ skuId: skuOf('화이트', 'M'), quantity: 1 }] })
    ).data!.createOrder;
    const paymentKey = await given.authorize(order.id, order.totalAmount);
    await given.confirm(token, order.id, paymentKey, order.totalAmount);
    await waitFor('the shipment to open', async () => {
      const shipped = await shop.call(
        `mutation ($id: ID!) { shipOrder(orderId: $id, carrier: "CJ대한통운") { __typename } }`,
        { id: order.id },
        shop.adminToken,
      );
      return shipped.data?.shipOrder.__typename === 'Shipment';
    });

    await page.goto(`${client.url}/orders/${order.id}`);
    await page
      .getByTestId('order-status')
      .filter({ hasText: '배송 완료' })
      .waitFor({ timeout: 30_000 });
    await page.getByLabel('반품 또는 교환').selectOption('EXCHANGE');
    await page.getByLabel('교환할 옵션').selectOption({ label: '화이트 · L' });
    await page.getByLabel('사유').selectOption('CHANGED_MIND');
    await page.getByRole('button', { name: '신청하기', exact: true }).click();
    await page.getByText('신청했습니다.', { exact: true }).waitFor();
    const requested = await shop.call(
      `query ($id: ID!) { order(id: $id) { returns { id type status lines { exchangeSkuId } } } }`,
      { id: order.id },
      shop.adminToken,
    );
    expect(requested.data!.order.returns).toEqual([
      expect.objectContaining({
        type: 'EXCHANGE',
        status: 'REQUESTED',
        lines: [{ exchangeSkuId: skuOf('화이트', 'L') }],
      }),
    ]);
    await page.getByText('교환 · 신청됨').waitFor();
    await screenshots(`${name.replace(/\s+/g, '-')}-exchange`)(page, 'exchange-requested');
  });

  it('keeps customers out of the admin dashboard and its operations', async () => {
    const page = await (await browser.newContext()).newPage();
    const token = await signUp(page, `customer.${shop.runId}@example.com`);
    await page.goto(`${client.url}/admin/orders`);
    await page.getByRole('heading', { name: '관리자만 볼 수 있습니다' }).waitFor();
    expect(await page.getByRole('link', { name: '주문', exact: true }).count()).toBe(0);
    // And the router refuses the admin operations themselves, whatever the page shows.
    const refused = await page.evaluate(async (accessToken) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
        body: JSON.stringify({ query: '{ adminOrders(first: 1) { nodes { id } } }' }),
      });
      return (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    }, token);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('filters and sorts a listing by its facets, and keeps the search in the address', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${client.url}/search?q=${encodeURIComponent('린넨 반팔')}`);
    await page.getByRole('link', { name: shirt.name }).waitFor();
    // The URL holds the filters: the box is checked once the navigation lands, not on the click.
    await page.getByRole('checkbox', { name: new RegExp(shirt.brand) }).click();
    await page.waitForURL(/brand=/);
    await page.getByLabel('정렬').selectOption('PRICE_ASC');
    await page.waitForURL(/sort=PRICE_ASC/);
    await page.getByRole('link', { name: shirt.name }).waitFor();
    // The page renders the sorted listing, then the facets from the same address.
    await page.getByRole('checkbox', { name: new RegExp(shirt.brand), checked: true }).waitFor();
    expect(await page.getByRole('checkbox', { name: new RegExp(shirt.brand) }).isChecked()).toBe(
      true,
    );
    await audit(page, 'search-filtered');
    expect(accessibility['search-filtered']).toEqual([]);
  });

  it('opens every admin page and the account page without an error, accessibly', async () => {
    const staff = await adminPage();
    const shot = screenshots(`${name.replace(/\s+/g, '-')}-admin`);
    const pages = {
      products: '상품·재고',
      promotions: '프로모션·쿠폰',
      settlement: '정산',
      users: '회원',
      partners: '파트너',
    };
    const found: Record<string, string[]> = {};
    for (const [path, heading] of Object.entries(pages)) {
      await staff.goto(`${client.url}/admin/${path}`);
      await staff.getByRole('heading', { name: heading, exact: true }).waitFor();
      // A page may load more than one query: every one of them has to land.
      await expect
        .poll(() => staff.getByText('불러오는 중…').count(), { message: path, timeout: 30_000 })
        .toBe(0);
      expect(await staff.getByRole('alert').allTextContents(), path).toEqual([]);
      await shot(staff, path);
      found[path] = await seriousViolations(staff);
    }
    // The settlement page exports its table as CSV.
    await staff.goto(`${client.url}/admin/settlement`);
    const exported = await Promise.all([
      staff.waitForEvent('download'),
      staff.getByRole('button', { name: 'CSV 내려받기' }).click(),
    ]).then(([download]) => download.suggestedFilename());
    expect(exported).toMatch(/^settlement-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);

    const customer = await (await browser.newContext()).newPage();
    await signUp(customer, `account.${shop.runId}@example.com`);
    await customer.goto(`${client.url}/account`);
    await customer.getByRole('heading', { name: '포인트 내역' }).waitFor();
    await customer.getByLabel('배송지 이름').fill('집');
    await customer.getByLabel('받는 분').fill('이고객');
    await customer.getByLabel('주소', { exact: true }).fill('서울 강남구 테헤란로 1');
    // The server refuses a malformed phone and postal code; each field says what to fix, in Korean.
    await customer.getByLabel('휴대폰 번호').fill('12');
    await customer.getByLabel('우편번호').fill('123');
    await customer.getByRole('button', { name: '저장' }).click();
    await customer.getByRole('alert').getByText('우편번호는 숫자 5자리입니다.').waitFor();
    expect(await customer.getByRole('alert').getByRole('listitem').allTextContents()).toEqual([
      '휴대폰 번호를 010-1234-5678처럼 입력해 주세요.',
      '우편번호는 숫자 5자리입니다.',
    ]);
    await customer.getByLabel('휴대폰 번호').fill('010-2222-3333');
    await customer.getByLabel('우편번호').fill('06236');
    await customer.getByRole('button', { name: '저장' }).click();
    await customer.getByText('집 · 이고객 · 서울 강남구 테헤란로 1').waitFor();
    found.account = await seriousViolations(customer);
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((page) => [page, []])));
  });

  it('creates, reprices, discounts and hides a product from the admin dashboard', async () => {
    const staff = await adminPage();
    const shot = screenshots(`${name.replace(/\s+/g, '-')}-admin-catalog`);
    const found: Record<string, string[]> = {};
    const trousers = `여름 린넨 바지 ${shop.runId}`;

    // A new product with one SKU, from the form.
    await staff.goto(`${client.url}/admin/products`);
    const form = staff.getByRole('group', { name: '새 상품' });
    await form.getByLabel('상품명').fill(trousers);
    await form.getByLabel('카테고리').selectOption(shirt.categoryId);
    await form.getByLabel('브랜드').selectOption({ label: shirt.brand });
    await form.getByLabel('판매가(원)').fill('25000');
    await form.getByLabel('초기 재고').fill('7');
    await form.getByLabel('판매 상태').selectOption('ACTIVE');
    await form.getByRole('button', { name: '만들기' }).click();
    await form
      .getByRole('status')
      .filter({ hasText: `“${trousers}” 상품을 만들었습니다.` })
      .waitFor();
    await staff.getByLabel('상품 검색').fill(trousers);
    const row = staff.getByRole('row').filter({ hasText: trousers });
    await row.getByText('25,000원').waitFor();
    expect(await row.locator('td.num').allTextContents()).toEqual(
      expect.arrayContaining(['7', '0']),
    );
    expect(await row.getByLabel(`${trousers} 판매 상태`).inputValue()).toBe('ACTIVE');
    const skuId = (await row.getAttribute('data-sku-id'))!;
    const productId = (await row.getAttribute('data-product-id'))!;

    // Its price: a negative one is refused with the field named, then a real one is saved.
    const price = row.getByLabel(/새 가격$/);
    await price.fill('-100');
    await row.getByRole('button', { name: '가격 변경' }).click();
    await row.getByRole('alert').filter({ hasText: 'price' }).waitFor();
    await price.fill('32000');
    await row.getByRole('button', { name: '가격 변경' }).click();
    await row.getByText('32,000원').waitFor();
    await row.getByRole('alert').waitFor({ state: 'detached' });
    const sku = await shop.call(
      `query ($id: ID!) { sku(id: $id) { price } }`,
      { id: skuId },
      shop.adminToken,
    );
    expect(sku.data!.sku.price).toBe(32_000);
    await shot(staff, 'product-created-and-repriced');
    found.products = await seriousViolations(staff);

    // A 10 % discount on it for a week: the quote takes it off the new price.
    await staff.getByRole('link', { name: '프로모션·쿠폰' }).click();
    const discountForm = staff.getByRole('group', { name: '새 할인' });
    const discount = `바지 할인 ${shop.runId}`;
    await discountForm.getByLabel('할인 이름').fill(discount);
    await discountForm.getByLabel('할인 대상').selectOption('PRODUCT');
    await discountForm.getByLabel('대상 상품 찾기').fill(trousers);
    await discountForm.getByLabel('대상 상품', { exact: true }).selectOption({ label: trousers });
    await discountForm.getByLabel('종류').selectOption('RATE');
    await discountForm.getByLabel('할인', { exact: true }).fill('10');
    await discountForm.getByLabel('유효 기간(일)').fill('7');
    await discountForm.getByRole('button', { name: '만들기' }).click();
    await discountForm
      .getByRole('status')
      .filter({ hasText: `“${discount}” 할인을 만들었습니다: ${trousers}에 10%` })
      .waitFor();
    const quote = await shop.call(
      `query ($lines: [QuoteLineInput!]!) { quote(lines: $lines) { ... on CartQuote { subtotal productDiscount } } }`,
      { lines: [{ skuId, quantity: 1 }] },
      shop.adminToken,
    );
    expect(quote.data!.quote).toEqual({ subtotal: 32_000, productDiscount: 3_200 });
    await shot(staff, 'discount-created');
    found.promotions = await seriousViolations(staff);

    // Taken off the shop: the page shows it hidden after a reload, and so does the API.
    await staff.getByRole('link', { name: '상품·재고' }).click();
    await staff.getByLabel('상품 검색').fill(trousers);
    const status = row.getByLabel(`${trousers} 판매 상태`);
    await status.selectOption('HIDDEN');
    // The select shows what the shop saved, so it reads HIDDEN once the change is stored.
    await expect.poll(() => status.inputValue(), { timeout: 30_000 }).toBe('HIDDEN');
    await staff.reload();
    await staff.getByLabel('상품 검색').fill(trousers);
    await row.getByText('32,000원').waitFor();
    expect(await status.inputValue()).toBe('HIDDEN');
    const hidden = await shop.call(
      `query ($id: ID!) { product(id: $id) { status } }`,
      { id: productId },
      shop.adminToken,
    );
    expect(hidden.data!.product.status).toBe('HIDDEN');
    await shot(staff, 'product-hidden');
    found['products-hidden'] = await seriousViolations(staff);

    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((page) => [page, []])));
  });

  it('speaks English on request', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(client.url);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Picked for today' }).waitFor();
    expect(await page.getByRole('link', { name: 'Log in' }).count()).toBe(1);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });
});
