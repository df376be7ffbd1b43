import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningClientServer } from '@shop/client/server';
import { appearsWithoutAlert, screenshots, seriousViolations } from '../src/browser.js';
import { createCategory, createProduct } from '../src/catalog-operations.js';
import { address, checkoutFixtures } from '../src/checkout-fixtures.js';
import { createCouponTemplate, signUp } from '../src/checkout-operations.js';
import type { ShopUnderTest } from '../src/shop-under-test.js';
import { startShopWithApps, type ShopWithApps, describeInChromium } from '../src/shop-with-apps.js';
import { signInToAdmin } from '../src/browser-session.js';

const addAddress = `mutation Add($input: AddressInput!) { addAddress(input: $input) { __typename } }`;

/** The admin's routes as its App declares them, so a page added later is checked too. */
const adminRoutes = [
  ...readFileSync(new URL('../../../client/src/admin/App.tsx', import.meta.url), 'utf8').matchAll(
    /<Route (?:index|path="([^"]+)")/g,
  ),
].map((match) => match[1] ?? '');

describeInChromium(
  'an operator looking after customers in the admin, in Chromium',
  ({ name, env }) => {
    let started: ShopWithApps;
    let shop: ShopUnderTest;
    let client: RunningClientServer;
    let browser: Browser;
    const customer = { id: '', name: '', productId: '', orderId: '', orderName: '' };

    /** Opens the admin dashboard at the given width, signed in as the administrator. */
    async function adminPage(width: number): Promise<Page> {
      const page = await (
        await browser.newContext({ viewport: { width, height: width < 800 ? 844 : 900 } })
      ).newPage();
      await signInToAdmin(page, client.url, shop.admin);
      return page;
    }

    beforeAll(async () => {
      started = await startShopWithApps(env);
      ({ shop, client, browser } = started);
      const admin = (query: string, variables: Record<string, unknown>) =>
        shop.call(query, variables, shop.adminToken);
      // A customer with an address and an order, found by a name no other run uses.
      customer.name = `한결 ${shop.runId}`;
      const signedUp = await shop.call(signUp, {
        input: {
          email: `care.${shop.runId}@example.com`,
          password: 'correct horse battery staple',
          name: customer.name,
        },
      });
      const session = signedUp.data!.signUp as { userId: string; accessToken: string };
      customer.id = session.userId;
      const added = await shop.call(
        addAddress,
        { input: { ...address, label: '회사' } },
        session.accessToken,
      );
      expect(added.data?.addAddress.__typename).toBe('Address');
      const category = await admin(createCategory, {
        input: { name: '고객 관리', slug: `care-${shop.runId}` },
      });
      const product = await admin(createProduct, {
        input: {
          name: `고객 관리 머그 ${shop.runId}`,
          categoryId: category.data!.createCategory.id,
          status: 'ACTIVE',
          basePrice: 9_000,
          initialStock: 5,
        },
      });
      customer.productId = product.data!.createProduct.id;
      const ordered = await checkoutFixtures(shop).order(session.accessToken, {
        lines: [{ skuId: product.data!.createProduct.skus[0].id, quantity: 1 }],
      });
      expect(ordered.data?.createOrder.__typename).toBe('Order');
      customer.orderId = ordered.data!.createOrder.id;
      customer.orderName = ordered.data!.createOrder.orderName;
    }, 180_000);

    afterAll(async () => {
      await started?.stop();
    });

    it('finds a customer by name, shows their orders and addresses, and adjusts points with a reason', async () => {
      const shot = screenshots(`${name.replace(/\s+/g, '-')}-admin-customers`);
      // A coupon the shop offers no one, to be given to this customer by hand.
      const gift = `배송 지연 보상 쿠폰 ${shop.runId}`;
      const made = await shop.call(
        createCouponTemplate,
        {
          input: {
            name: gift,
            kind: 'FIXED',
            value: 2_000,
            validFrom: new Date(Date.now() - 60_000).toISOString(),
            validUntil: new Date(Date.now() + 86_400_000).toISOString(),
            totalLimit: 10,
          },
        },
        shop.adminToken,
      );
      expect(made.data?.createCouponTemplate.__typename).toBe('CouponTemplate');
      const staff = await adminPage(1366);
      await staff.getByRole('link', { name: '회원' }).click();
      const users = staff.getByRole('region', { name: '회원' });
      await users.getByRole('columnheader').first().waitFor();
      expect(await users.getByRole('columnheader').allTextContents()).toEqual([
        '이름',
        '이메일',
        '등급',
        '포인트',
        '가입일',
      ]);
      await staff.getByLabel('회원 검색').fill(customer.name);
      await expect.poll(() => users.getByRole('row').count()).toBe(2);
      await shot(staff, 'users-1366');
      await users.getByRole('link', { name: customer.name }).click();

      await staff.getByRole('heading', { name: customer.name }).waitFor();
      const orders = staff.getByRole('region', { name: '주문 내역' });
      await appearsWithoutAlert(staff, orders.getByRole('cell', { name: customer.orderName }));
      expect(await orders.getByText('결제 대기').count()).toBe(1);
      await staff.getByText(`회사 · ${address.recipient} · ${address.phone}`).waitFor();

      // A reason of blanks is no reason: the server says so and the balance stays.
      await staff.getByLabel('조정 포인트 (차감은 음수)').fill('500');
      await staff.getByLabel('조정 사유').fill('   ');
      await staff.getByRole('button', { name: '조정하기' }).click();
      await staff.getByRole('alert').getByText('사유를 입력해 주세요 (200자까지).').waitFor();
      expect(await staff.getByRole('definition').allTextContents()).toContain('0P');

      await staff.getByLabel('조정 사유').fill('배송 지연 보상');
      await staff.getByRole('button', { name: '조정하기' }).click();
      await staff.getByRole('status').getByText('포인트를 조정했습니다. 잔액 500P').waitFor();
      expect(await staff.getByRole('definition').allTextContents()).toContain('500P');
      const history = staff.getByRole('region', { name: '포인트 내역' });
      const row = history.getByRole('row').filter({ hasText: '배송 지연 보상' });
      expect(await row.getByRole('cell').allTextContents()).toEqual([
        expect.any(String),
        '관리자 조정',
        '+500P',
        '500P',
        '배송 지연 보상',
        expect.stringMatching(/^admin-/),
      ]);
      // The coupon given: the customer holds it, ready to use at checkout.
      await staff.getByLabel('쿠폰 이름').selectOption({ label: gift });
      await staff.getByRole('button', { name: '지급하기' }).click();
      await staff.getByRole('status').getByText('쿠폰을 지급했습니다.').waitFor();
      const held = await shop.call(
        `query ($id: ID!) { user(id: $id) { coupons { status template { name } } } }`,
        { id: customer.id },
        shop.adminToken,
      );
      expect(held.data?.user.coupons).toEqual([{ status: 'ISSUED', template: { name: gift } }]);
      await shot(staff, 'customer-1366');
      expect(await seriousViolations(staff)).toEqual([]);

      // The same page on a phone: still accessible, and nothing wider than the screen.
      const phone = await adminPage(390);
      await phone.goto(`${client.url}/admin/users/${customer.id}`);
      await phone
        .getByRole('region', { name: '포인트 내역' })
        .getByText('배송 지연 보상')
        .waitFor();
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        390,
      );
      await shot(phone, 'customer-390');
      expect(await seriousViolations(phone)).toEqual([]);
    });

    it('fits every admin page on a 390 px phone, its menu in one row', async () => {
      const shot = screenshots(`${name.replace(/\s+/g, '-')}-admin-phone`);
      const staff = await adminPage(390);
      const ids: Record<string, string> = {
        users: customer.id,
        products: customer.productId,
        orders: customer.orderId,
      };
      const problems: Record<string, string[]> = {};
      for (const route of adminRoutes) {
        const path = route.replace(/^(\w+)\/:id/, (_, section: string) => {
          const id = ids[section];
          if (!id) throw new Error(`no id to open admin route ${route} with`);
          return `${section}/${id}`;
        });
        await staff.goto(`${client.url}/admin/${path}`);
        await staff.getByRole('heading', { level: 1 }).first().waitFor();
        await expect
          .poll(() => staff.getByText('불러오는 중…').count(), { message: path, timeout: 30_000 })
          .toBe(0);
        await shot(staff, path.replace(/\W+/g, '-') || 'dashboard');
        const width = await staff.evaluate(() => document.documentElement.scrollWidth);
        const menu = (await staff.getByRole('navigation', { name: '주 메뉴' }).boundingBox())!;
        problems[route || '/'] = [
          ...(width > 390 ? [`${width} px wide`] : []),
          // One row of links: a squeezed menu was hundreds of pixels tall.
          ...(menu.height >= 60 ? [`menu ${menu.height} px tall`] : []),
          ...(await seriousViolations(staff)),
        ];
      }
      expect(problems).toEqual(Object.fromEntries(Object.keys(problems).map((r) => [r, []])));
    });
  },
);
