import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { RunningClientServer } from '@shop/client/server';
import { appearsWithoutAlert, screenshots, seriousViolations } from '../src/browser.js';
import { createCategory, createProduct, updateSku } from '../src/catalog-operations.js';
import { checkoutFixtures } from '../src/checkout-fixtures.js';
import { createDiscount, signUp } from '../src/checkout-operations.js';
import type { ShopUnderTest } from '../src/shop-under-test.js';
import { startShopWithApps, type ShopWithApps, describeInChromium } from '../src/shop-with-apps.js';
import { signInToAdmin } from '../src/browser-session.js';

const login = `mutation Login($input: LoginInput!) {
  login(input: $input) { __typename ... on AuthSession { accessToken } }
}`;

describeInChromium(
  'the owner gives staff roles and reads what they did, in Chromium',
  ({ name, env }) => {
    let started: ShopWithApps;
    let shop: ShopUnderTest;
    let client: RunningClientServer;
    let browser: Browser;
    const password = 'staff password for tests';
    const people = { operator: '', cs: '' };
    const fixture = { productId: '', skuId: '', orderName: '', shopperId: '' };

    /** A fresh browser signed in to the admin as `email`. */
    async function signedIn(email: string, secret: string, width: number): Promise<Page> {
      const page = await (
        await browser.newContext({ viewport: { width, height: width < 800 ? 844 : 900 } })
      ).newPage();
      await signInToAdmin(page, client.url, { email, password: secret });
      return page;
    }

    const errorCode = (answer: { errors?: { extensions?: { code?: unknown } }[] }) =>
      answer.errors?.[0]?.extensions?.code;

    /** Asks for the log again until `row` is in it: entries arrive a moment after the action. */
    async function untilLogged(page: Page, row: Locator) {
      await expect
        .poll(
          async () => {
            await page.getByRole('button', { name: '새로 고침' }).click();
            return row.count();
          },
          { timeout: 30_000, interval: 1000 },
        )
        .toBe(1);
    }

    /** The pretty-printed JSON under one heading of a row's details, as the owner reads it. */
    async function detail(row: Locator, heading: '입력' | '변경 전' | '변경 후') {
      const details = row.locator('details');
      if (!(await details.evaluate((element) => (element as HTMLDetailsElement).open)))
        await row.getByText('보기').click();
      return row.locator('dt', { hasText: heading }).locator('+ dd').innerText();
    }

    beforeAll(async () => {
      started = await startShopWithApps(env);
      ({ shop, client, browser } = started);
      const admin = (query: string, variables: Record<string, unknown>) =>
        shop.call(query, variables, shop.adminToken);
      const category = await admin(createCategory, {
        input: { name: '직원 셔츠', slug: `staff-${shop.runId}` },
      });
      const product = await admin(createProduct, {
        input: {
          name: `직원 린넨 셔츠 ${shop.runId}`,
          categoryId: category.data!.createCategory.id,
          status: 'ACTIVE',
          basePrice: 12_000,
          initialStock: 5,
        },
      });
      fixture.productId = product.data!.createProduct.id;
      fixture.skuId = product.data!.createProduct.skus[0].id;
      for (const who of ['operator', 'cs'] as const) {
        people[who] = `${who}.${shop.runId}@example.com`;
        const made = await shop.call(signUp, {
          input: { email: people[who], password, name: who },
        });
        expect(made.data?.signUp.__typename).toBe('AuthSession');
      }
      // A paid order waiting to ship, for customer service to look at.
      const given = checkoutFixtures(shop);
      const shopper = await given.customer();
      fixture.shopperId = shopper.userId;
      const order = (
        await given.order(shopper.token, { lines: [{ skuId: fixture.skuId, quantity: 1 }] })
      ).data!.createOrder;
      fixture.orderName = order.orderName;
      await given.confirm(
        shopper.token,
        order.id,
        await given.authorize(order.id, order.totalAmount),
        order.totalAmount,
      );
    }, 180_000);

    afterAll(async () => {
      await started?.stop();
    });

    it('makes an operator and customer service; each may do their part only; the audit log shows both', async () => {
      const shot = screenshots(`${name.replace(/\s+/g, '-')}-admin-staff`);
      const found: Record<string, string[]> = {};

      // The owner makes one operator and one customer service member on the staff page.
      const owner = await signedIn(shop.admin.email, shop.admin.password, 1366);
      await owner.getByRole('link', { name: '직원', exact: true }).click();
      await owner.getByRole('heading', { name: '직원' }).waitFor();
      const form = owner.getByRole('group', { name: '역할 지정' });
      for (const [email, role] of [
        [people.operator, '운영자'],
        [people.cs, 'CS'],
      ] as const) {
        await form.getByLabel('이메일').fill(email);
        await form.getByLabel('역할').selectOption({ label: role });
        await form.getByRole('button', { name: '저장' }).click();
        await appearsWithoutAlert(
          owner,
          form.getByRole('status').getByText(`${email}의 역할을 “${role}”(으)로 저장했습니다.`),
        );
      }
      const members = owner.getByRole('region', { name: '직원 목록' });
      for (const [email, role] of [
        [people.operator, '운영자'],
        [people.cs, 'CS'],
        [shop.admin.email, '관리자'],
      ])
        await expect
          .poll(() =>
            members.getByRole('row').filter({ hasText: email }).getByRole('cell').allTextContents(),
          )
          .toEqual([email, role]);
      expect(await members.getByRole('columnheader').allTextContents()).toEqual(['이메일', '역할']);
      await shot(owner, 'staff-1366');
      found.staff = await seriousViolations(owner);

      // The operator, signed in afresh, changes the shirt's price on the product editor.
      const operator = await signedIn(people.operator, password, 1366);
      await operator.goto(`${client.url}/admin/products/${fixture.productId}`);
      const skus = operator.getByRole('region', { name: '옵션별 재고' });
      await operator.getByLabel(/ 새 가격$/).fill('15000');
      await operator.getByRole('button', { name: '가격 변경' }).click();
      await expect.poll(() => skus.locator('.price').first().textContent()).toBe('15,000원');
      await shot(operator, 'operator-repriced-1366');

      // Customer service reads orders, customers and products, and may change none of the catalogue.
      const cs = await signedIn(people.cs, password, 1366);
      const nav = cs.getByRole('navigation', { name: '주 메뉴' });
      expect(await nav.getByRole('link').allTextContents()).toEqual([
        '대시보드',
        '주문',
        '반품·교환',
        '상품·재고',
        '프로모션·쿠폰',
        '정산',
        '브랜드 지급',
        '회원',
      ]);
      await nav.getByRole('link', { name: '주문', exact: true }).click();
      const order = cs.getByRole('region', { name: fixture.orderName });
      await order.waitFor();
      expect(await order.getByRole('button', { name: '발송 처리' }).count()).toBe(0);
      await shot(cs, 'cs-orders-1366');
      found.csOrders = await seriousViolations(cs);

      await cs.goto(`${client.url}/admin/users/${fixture.shopperId}`);
      await cs.getByRole('heading', { name: '구매자' }).waitFor();
      // Points are customer service's to adjust.
      await cs.getByRole('group', { name: '포인트 조정' }).waitFor();
      await shot(cs, 'cs-customer-1366');

      await cs.goto(`${client.url}/admin/products/${fixture.productId}`);
      await cs.getByText('읽기 전용: 이 역할은 상품을 바꿀 수 없습니다.').waitFor();
      await cs.getByRole('region', { name: '옵션별 재고' }).getByText('15,000원').waitFor();
      expect(await cs.getByLabel(/ 새 가격$/).count()).toBe(0);
      expect(await cs.getByRole('button', { name: '가격 변경' }).count()).toBe(0);
      expect(await cs.getByRole('group', { name: '기본 정보' }).count()).toBe(0);
      await shot(cs, 'cs-product-1366');
      found.csProduct = await seriousViolations(cs);

      await nav.getByRole('link', { name: '프로모션·쿠폰' }).click();
      await cs.getByText('읽기 전용: 이 역할은 할인과 쿠폰을 바꿀 수 없습니다.').waitFor();
      expect(await cs.getByRole('group', { name: '새 할인' }).count()).toBe(0);
      expect(await cs.getByRole('group', { name: '새 쿠폰' }).count()).toBe(0);
      await shot(cs, 'cs-promotions-1366');
      found.csPromotions = await seriousViolations(cs);

      // Nor does the API let customer service reprice or discount.
      const csToken = (
        (await shop.call(login, { input: { email: people.cs, password } })).data!.login as {
          accessToken: string;
        }
      ).accessToken;
      expect(
        errorCode(await shop.call(updateSku, { id: fixture.skuId, input: { price: 1 } }, csToken)),
      ).toBe('FORBIDDEN');
      expect(
        errorCode(
          await shop.call(
            createDiscount,
            {
              input: {
                name: '몰래 할인',
                target: 'PRODUCT',
                targetId: fixture.productId,
                kind: 'RATE',
                value: 90,
                startsAt: new Date().toISOString(),
                endsAt: new Date(Date.now() + 86_400_000).toISOString(),
              },
            },
            csToken,
          ),
        ),
      ).toBe('FORBIDDEN');

      // The owner's audit log: the operator's repricing, before and after, and the refusal.
      await owner.getByRole('link', { name: '감사 기록' }).click();
      const log = owner.getByRole('region', { name: '감사 기록' });
      const repricing = log
        .getByRole('row')
        .filter({ hasText: people.operator })
        .filter({ has: owner.getByRole('cell', { name: 'updateSku', exact: true }) });
      await untilLogged(owner, repricing);
      expect(await log.getByRole('columnheader').allTextContents()).toEqual([
        '시각',
        '직원',
        '역할',
        '서비스',
        '작업',
        '대상',
        '결과',
        '내용',
      ]);
      const cellsOf = async (row: Locator) =>
        (await row.getByRole('cell').allInnerTexts()).slice(1, 7).map((cell) => cell.trim());
      expect(await cellsOf(repricing)).toEqual([
        people.operator,
        '운영자',
        'product',
        'updateSku',
        fixture.skuId,
        'OK',
      ]);
      expect(await detail(repricing, '변경 전')).toContain('"price": 12000');
      expect(await detail(repricing, '변경 후')).toContain('"price": 15000');
      expect(await detail(repricing, '입력')).toContain('"price": 15000');

      const refused = log
        .getByRole('row')
        .filter({ hasText: people.cs })
        .filter({ has: owner.getByRole('cell', { name: 'updateSku', exact: true }) });
      await untilLogged(owner, refused);
      expect(await cellsOf(refused)).toEqual([
        people.cs,
        'CS',
        'product',
        'updateSku',
        fixture.skuId,
        'FORBIDDEN',
      ]);
      await shot(owner, 'audit-1366');
      found.audit = await seriousViolations(owner);

      // One member's entries only.
      await owner.getByLabel('직원별 보기').selectOption({ label: people.operator });
      await expect
        .poll(async () => new Set(await log.locator('tbody tr td:nth-child(2)').allInnerTexts()))
        .toEqual(new Set([people.operator]));

      // On a phone both pages fit; their tables scroll in their own boxes.
      const phone = await signedIn(shop.admin.email, shop.admin.password, 390);
      for (const [path, table] of [
        ['staff', '직원 목록'],
        ['audit', '감사 기록'],
      ] as const) {
        await phone.goto(`${client.url}/admin/${path}`);
        await phone.getByRole('region', { name: table }).getByRole('row').nth(1).waitFor();
        expect(
          await phone.evaluate(() => document.documentElement.scrollWidth),
        ).toBeLessThanOrEqual(390);
        await shot(phone, `${path}-390`);
        found[`${path}390`] = await seriousViolations(phone);
      }
      expect(found).toEqual(Object.fromEntries(Object.keys(found).map((page) => [page, []])));
    }, 240_000);
  },
);
