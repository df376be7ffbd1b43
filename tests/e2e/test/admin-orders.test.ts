import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { RunningClientServer } from '@shop/client/server';
import { waitFor } from '@shop/testkit';
import { deliveredOrder } from '../src/after-sale-operations.js';
import { expectBooksNet } from '../src/books.js';
import { screenshots, seriousViolations } from '../src/browser.js';
import { createBrand, createCategory, createProduct } from '../src/catalog-operations.js';
import { address, checkoutFixtures } from '../src/checkout-fixtures.js';
import { signUp, skuStock } from '../src/checkout-operations.js';
import type { ShopUnderTest } from '../src/shop-under-test.js';
import { startShopWithApps, type ShopWithApps, describeInChromium } from '../src/shop-with-apps.js';
import { signInToAdmin } from '../src/browser-session.js';

const orderState = `query AdminOrderState($id: ID!) {
  order(id: $id) {
    status
    lines { id productName paidAmount sku { id } }
    payment { cancelledAmount }
    shipments { status carrier }
    history { status }
  }
}`;

/** As the client formats KRW: 30000 → "30,000원". */
const won = (amount: number) => `${new Intl.NumberFormat('ko-KR').format(amount)}원`;

describeInChromium('the admin’s orders, in Chromium', ({ name, env }) => {
  let started: ShopWithApps;
  let shop: ShopUnderTest;
  let client: RunningClientServer;
  let browser: Browser;
  const shirt = { name: '', skuId: '' };
  const trousers = { name: '', skuId: '' };

  beforeAll(async () => {
    started = await startShopWithApps(env);
    ({ shop, client, browser } = started);
    const admin = (query: string, variables: Record<string, unknown>) =>
      shop.call(query, variables, shop.adminToken);
    const category = await admin(createCategory, {
      input: { name: '주문 관리 테스트', slug: `admin-orders-${shop.runId}` },
    });
    const brand = await admin(createBrand, {
      input: { name: `들판 ${shop.runId}`, slug: `field-${shop.runId}` },
    });
    const product = async (item: { name: string; skuId: string }, label: string, price: number) => {
      item.name = `${label} ${shop.runId}`;
      const created = await admin(createProduct, {
        input: {
          name: item.name,
          categoryId: category.data!.createCategory.id,
          brandId: brand.data!.createBrand.id,
          status: 'ACTIVE',
          basePrice: price,
          initialStock: 10,
        },
      });
      item.skuId = created.data!.createProduct.skus[0].id;
    };
    await product(shirt, '옥스퍼드 셔츠', 30_000);
    await product(trousers, '치노 바지', 20_000);
  }, 180_000);

  afterAll(async () => {
    await started?.stop();
  });

  it('finds a customer’s orders by name, prints the slip, ships with a listed carrier and refunds a line', async () => {
    const shot = screenshots(`${name.replace(/\s+/g, '-')}-admin-orders`);
    const found: Record<string, string[]> = {};
    const given = checkoutFixtures(shop);
    const stockOf = async (skuId: string) =>
      (await shop.call(skuStock, { id: skuId }, shop.adminToken)).data!.sku.onHand as number;
    const stateOf = async (orderId: string) =>
      (await shop.call(orderState, { id: orderId }, shop.adminToken)).data!.order;
    // Staff actions reach auth's audit log by event: the page is read again until it has one.
    const historyShows = async (action: string, actor: string) => {
      const entry = staff.getByTestId('history').getByRole('listitem').filter({ hasText: action });
      await waitFor(
        `the timeline to show ${action}`,
        async () => {
          await staff.reload();
          await staff.getByTestId('history').getByRole('listitem').first().waitFor();
          return (await entry.count()) === 1;
        },
        { intervalMs: 500 },
      );
      expect(await entry.textContent()).toContain(actor);
    };

    // A named customer with two paid orders: one waiting to ship, one already delivered.
    const customerName = `단골${shop.runId}`;
    const session = (
      await shop.call(signUp, {
        input: {
          email: `regular.${shop.runId}@example.com`,
          password: 'correct horse battery staple',
          name: customerName,
        },
      })
    ).data!.signUp as { userId: string; accessToken: string };
    const buyer = { userId: session.userId, token: session.accessToken };
    const lines = [shirt.skuId, trousers.skuId].map((skuId) => ({ skuId, quantity: 1 }));
    const toShip = (await given.order(buyer.token, { lines })).data!.createOrder;
    await given.confirm(
      buyer.token,
      toShip.id,
      await given.authorize(toShip.id, toShip.totalAmount),
      toShip.totalAmount,
    );
    const { order: toRefund, lines: refundLines } = await deliveredOrder(
      shop,
      { ...given, customer: async () => buyer },
      [shirt.skuId, trousers.skuId],
    );
    const shirtLine = refundLines.find((line) => line.sku.id === shirt.skuId)!;

    // The operator signs in on a wide screen and searches by the customer's name.
    const staff = await (
      await browser.newContext({ viewport: { width: 1366, height: 900 } })
    ).newPage();
    await signInToAdmin(staff, client.url, shop.admin);
    await staff.getByRole('link', { name: '주문', exact: true }).click();
    await staff.getByLabel('고객 (이름·이메일)').fill(customerName);
    await staff.getByRole('button', { name: '검색', exact: true }).click();
    const cards = staff.locator('[data-order-id]');
    await expect
      .poll(async () =>
        (
          await cards.evaluateAll((all) => all.map((card) => card.getAttribute('data-order-id')))
        ).sort(),
      )
      .toEqual([toShip.id, toRefund.id].sort());
    found['order-search'] = await seriousViolations(staff);
    await shot(staff, 'search-by-customer');

    // The order page: its lines and where it goes.
    await staff.locator(`[data-order-id="${toShip.id}"]`).getByRole('link').click();
    await staff.getByTestId('order-status').filter({ hasText: '결제 완료' }).waitFor();
    const lineRows = staff.locator('tr[data-line-id]');
    expect((await lineRows.allTextContents()).map((text) => text.replace(/\s+/g, ' '))).toEqual(
      expect.arrayContaining([
        expect.stringContaining(shirt.name),
        expect.stringContaining(trousers.name),
      ]),
    );
    expect(await lineRows.filter({ hasText: shirt.name }).textContent()).toContain('1개');
    const shownAddress = await staff.getByTestId('shipping-address').textContent();
    for (const part of [address.recipient, address.phone, address.postalCode, address.line1])
      expect(shownAddress).toContain(part);
    await staff.getByTestId('history').getByText('결제 완료').waitFor();
    // Each change says what moved the order, in words: no cause shown as its code.
    const changes = (
      await staff.getByTestId('history').getByRole('listitem').allTextContents()
    ).map((text) => text.replace(/\s+/g, ' '));
    expect(changes).toEqual([
      expect.stringMatching(/^주문 접수 중 .* · 주문 요청$/),
      expect.stringMatching(/^결제 대기 .* · 주문 요청$/),
      expect.stringMatching(/^결제 완료 .* · 결제 승인$/),
    ]);
    found['order-page'] = await seriousViolations(staff);
    await shot(staff, 'order-page');

    // The packing slip: what to pack and where, and the print dialog.
    await staff.getByRole('link', { name: '포장 명세서' }).click();
    await staff.getByRole('heading', { name: '포장 명세서' }).waitFor();
    const slip = (await staff.locator('article.packing-slip').textContent())!;
    for (const part of [toShip.id, shirt.name, trousers.name, address.recipient, address.line1])
      expect(slip).toContain(part);
    expect(slip).not.toContain('원');
    await staff.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    await staff.getByRole('button', { name: '인쇄' }).click();
    expect(await staff.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await staff.emulateMedia({ media: 'print' });
    expect(await staff.getByRole('button', { name: '인쇄' }).isVisible()).toBe(false);
    await shot(staff, 'packing-slip');
    await staff.emulateMedia({ media: 'screen' });
    found['packing-slip'] = await seriousViolations(staff);

    // Shipped with a carrier picked from the list.
    await staff.getByRole('link', { name: '주문 상세' }).click();
    const carrier = staff.getByLabel('택배사', { exact: true });
    // The list comes with the page's own query: wait for its last carrier.
    await carrier.locator('option', { hasText: '로젠택배' }).waitFor({ state: 'attached' });
    expect(await carrier.locator('option').allTextContents()).toEqual([
      'CJ대한통운',
      '한진택배',
      '롯데택배',
      '우체국택배',
      '로젠택배',
    ]);
    await carrier.selectOption('한진택배');
    await staff.getByRole('button', { name: '발송 처리' }).click();
    await staff.getByTestId('shipment').filter({ hasText: '한진택배' }).waitFor();
    // The order's row and its history are read one after the other: wait until both say so.
    const shipped = await waitFor('the order to be shipped', async () => {
      const state = await stateOf(toShip.id);
      return (
        ['SHIPPED', 'DELIVERED'].includes(state.status) &&
        state.history.some((change: { status: string }) => change.status === 'SHIPPED') &&
        state
      );
    });
    expect(shipped.shipments).toEqual([{ status: expect.any(String), carrier: '한진택배' }]);
    // The timeline names who shipped it, once the audit log has the action.
    await historyShows(`발송 처리`, shop.admin.email);

    // The delivered order, found by its number, refunds its shirt after a confirmation.
    const stockBefore = await stockOf(shirt.skuId);
    await staff.getByRole('link', { name: '주문 목록' }).click();
    await staff.getByLabel('주문번호').fill(toRefund.id.slice(0, 8));
    await staff.getByLabel('고객 (이름·이메일)').fill('');
    await staff.getByRole('button', { name: '검색', exact: true }).click();
    await expect.poll(() => cards.count()).toBe(1);
    await staff.locator(`[data-order-id="${toRefund.id}"]`).getByRole('link').click();
    await staff.getByTestId('order-status').filter({ hasText: '배송 완료' }).waitFor();
    await staff.getByLabel('환불할 상품').selectOption({ label: shirt.name });
    await staff.getByLabel('환불 사유').selectOption('DEFECTIVE');
    await staff.getByRole('button', { name: '상품 환불' }).click();
    const dialog = staff.getByRole('dialog', { name: '이 상품을 환불할까요?' });
    await dialog.getByText(won(shirtLine.paidAmount), { exact: false }).waitFor();
    await shot(staff, 'refund-confirmation');
    await dialog.getByRole('button', { name: '환불하기' }).click();
    await staff
      .getByRole('status')
      .filter({ hasText: `${won(shirtLine.paidAmount)}을 환불했습니다.` })
      .waitFor({ timeout: 30_000 });

    // The payment refunded exactly the line, the shirt is back on the shelf, the books net.
    const refunded = await waitFor('the order to count the return', async () => {
      const state = await stateOf(toRefund.id);
      return state.status === 'PARTIALLY_RETURNED' && state;
    });
    expect(refunded.payment.cancelledAmount).toBe(shirtLine.paidAmount);
    await waitFor(
      'the shirt to be restocked',
      async () => (await stockOf(shirt.skuId)) === stockBefore + 1,
    );
    await expectBooksNet(shop, [toShip.id, toRefund.id]);

    // The order page after the refund, on a phone and on a wide screen.
    await staff.reload();
    await staff
      .getByTestId('order-status')
      .filter({ hasText: '부분 반품' })
      .waitFor({ timeout: 30_000 });
    await staff
      .getByTestId('payment')
      .filter({ hasText: won(shirtLine.paidAmount) })
      .waitFor();
    await historyShows('상품 환불', shop.admin.email);
    found['order-refunded'] = await seriousViolations(staff);
    await shot(staff, 'order-refunded-1366');
    const phone = await (
      await browser.newContext({ viewport: { width: 390, height: 844 } })
    ).newPage();
    await signInToAdmin(phone, client.url, shop.admin);
    await phone.goto(`${client.url}/admin/orders/${toRefund.id}`);
    await phone.getByTestId('order-status').filter({ hasText: '부분 반품' }).waitFor();
    found['order-page-phone'] = await seriousViolations(phone);
    await shot(phone, 'order-refunded-390');

    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((page) => [page, []])));
  }, 300_000);
});
