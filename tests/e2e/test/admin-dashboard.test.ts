import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningClientServer } from '@shop/client/server';
import { waitFor } from '@shop/testkit';
import { screenshots, seriousViolations } from '../src/browser.js';
import { today } from '../src/books.js';
import { checkoutFixtures } from '../src/checkout-fixtures.js';
import type { ShopUnderTest } from '../src/shop-under-test.js';
import { startShopWithApps, type ShopWithApps, describeInChromium } from '../src/shop-with-apps.js';
import { signInToAdmin } from '../src/browser-session.js';

const dashboardFigures = `query DashboardFigures($day: String!) {
  adminOrderCounts(statuses: [PAID, PREPARING]) { status count }
  adminReturnCounts(statuses: [REQUESTED, APPROVED, COLLECTING, RECEIVED]) { status count }
  settlementStatements(from: $day, to: $day) { date payments refunds }
}`;

interface Figures {
  toShip: number;
  returnsWaiting: number;
  netToday: number;
}

const won = (amount: number) => `${new Intl.NumberFormat('ko-KR').format(amount)}원`;

describeInChromium('an operator opening the admin dashboard, in Chromium', ({ name, env }) => {
  let started: ShopWithApps;
  let shop: ShopUnderTest;
  let client: RunningClientServer;
  let browser: Browser;
  const shot = screenshots(`${name.replace(/\s+/g, '-')}-admin-dashboard`);

  /** The dashboard's figures as the API has them (real runs share their databases). */
  async function figures(): Promise<Figures> {
    const answer = await shop.call(dashboardFigures, { day: today() }, shop.adminToken);
    const data = answer.data as {
      adminOrderCounts: { count: number }[];
      adminReturnCounts: { count: number }[];
      settlementStatements: { payments: number; refunds: number }[];
    };
    const sum = (counts: { count: number }[]) => counts.reduce((a, c) => a + c.count, 0);
    const day = data.settlementStatements[0];
    return {
      toShip: sum(data.adminOrderCounts),
      returnsWaiting: sum(data.adminReturnCounts),
      netToday: day ? day.payments - day.refunds : 0,
    };
  }

  /** The admin dashboard at the given width, signed in as the administrator. */
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
  }, 180_000);

  afterAll(async () => {
    await started?.stop();
  });

  it('explains itself on a fresh shop, then shows the orders to ship and today’s sales', async () => {
    const before = await figures();
    const fresh = before.toShip === 0 && before.returnsWaiting === 0 && before.netToday === 0;
    const staff = await adminPage(1366);
    if (fresh) {
      // Embedded runs start on empty databases: no chart of nothing, but what to do first.
      await staff.getByRole('heading', { name: '아직 주문이 없습니다' }).waitFor();
      expect(await staff.getByRole('link', { name: '상품 등록하기' }).count()).toBe(1);
      expect(await staff.getByRole('img').count()).toBe(0);
      await shot(staff, 'fresh-1366');
      expect(await seriousViolations(staff)).toEqual([]);
    }

    // Two customers pay for an order each.
    const fixtures = checkoutFixtures(shop);
    // Six in stock: the three sold leave it running low (5 or fewer available).
    const skuId = await fixtures.skuOnSale(12_000, 6);
    const charged: number[] = [];
    const orderIds: string[] = [];
    for (const quantity of [1, 2]) {
      const buyer = await fixtures.customer();
      const ordered = await fixtures.order(buyer.token, { lines: [{ skuId, quantity }] });
      const order = ordered.data!.createOrder as { id: string; totalAmount: number };
      const key = await fixtures.authorize(order.id, order.totalAmount);
      const confirmed = await fixtures.confirm(buyer.token, order.id, key, order.totalAmount);
      expect(confirmed.data?.confirmPayment.__typename).toBe('Payment');
      charged.push((await fixtures.pgPayment(order.id))!.totalAmount);
      orderIds.push(order.id);
    }
    // Embedded runs own their databases, so the figures are exactly this test's: two orders to
    // ship and today's sales what the PG charged. Real runs share theirs with other runs, so the
    // dashboard is held to the API's figures of the moment, which include ours.
    const charges = charged[0]! + charged[1]!;
    await waitFor(
      'settlement to book both payments',
      async () => (await figures()).netToday - before.netToday >= charges || fresh,
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    if (fresh)
      await waitFor('settlement to book both payments', async () => {
        const now = await figures();
        return now.toShip === 2 && now.netToday === charges;
      });

    const todo = staff.getByRole('region', { name: '할 일' });
    const sales = staff.getByRole('region', { name: '매출 (환불 차감)' });
    let toShip = 0;
    await expect
      .poll(
        async () => {
          await staff.reload();
          await todo.getByRole('link', { name: /^배송할 주문 \d+$/ }).waitFor();
          const shown = await todo.getByRole('link', { name: /^배송할 주문 / }).textContent();
          const shownNet = await sales.getByRole('link', { name: /^오늘 / }).textContent();
          const now = await figures();
          toShip = now.toShip;
          return shown === `배송할 주문 ${now.toShip}` && shownNet === `오늘 ${won(now.netToday)}`;
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    // The product running low is named, a link to its editor (real runs: among others').
    await todo.getByRole('heading', { name: '재고가 적은 상품 (가용 5개 이하)' }).waitFor();
    if (fresh) {
      expect(toShip).toBe(2);
      await sales.getByRole('link', { name: `오늘 ${won(charges)}` }).waitFor();
      const lowStock = todo.getByRole('link', { name: /^결제 테스트 상품 / });
      expect(await lowStock.count()).toBe(1);
      expect(await lowStock.getAttribute('href')).toMatch(/^\/admin\/products\/[0-9a-f-]{36}$/);
    }
    const shipLink = todo.getByRole('link', { name: /^배송할 주문 / });
    await shot(staff, 'work-1366');
    expect(await seriousViolations(staff)).toEqual([]);

    // The figure opens the orders list filtered to the orders to ship: both paid orders.
    await shipLink.click();
    await staff.getByRole('heading', { name: '주문' }).waitFor();
    await staff.getByText('상태: 결제 완료, 상품 준비 중').waitFor();
    expect(new URL(staff.url()).searchParams.getAll('status')).toEqual(['PAID', 'PREPARING']);
    for (const orderId of orderIds)
      await staff.locator(`section[data-order-id="${orderId}"]`).waitFor();
    const shownStatuses = await staff.locator('section[data-order-id] .status').allTextContents();
    expect(shownStatuses.length).toBeGreaterThanOrEqual(2);
    expect(new Set(shownStatuses.filter((s) => s !== '결제 완료' && s !== '상품 준비 중'))).toEqual(
      new Set(),
    );

    // On a phone: the same figures, nothing wider than the screen.
    const phone = await adminPage(390);
    await phone.getByRole('link', { name: /^배송할 주문 \d+$/ }).waitFor();
    if (fresh) await phone.getByRole('link', { name: '배송할 주문 2' }).waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await shot(phone, 'work-390');
    expect(await seriousViolations(phone)).toEqual([]);
  }, 180_000);
});
