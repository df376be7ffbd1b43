import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningClientServer } from '@shop/client/server';
import { screenshots, seriousViolations } from '../src/browser.js';
import { signUpInPage } from '../src/browser-session.js';
import { createBrand, createCategory, createProduct } from '../src/catalog-operations.js';
import { address } from '../src/checkout-fixtures.js';
import { createOrder } from '../src/checkout-operations.js';
import { rowAmount, wonIn } from '../src/page-figures.js';
import type { ShopUnderTest } from '../src/shop-under-test.js';
import { startShopWithApps, type ShopWithApps, describeInChromium } from '../src/shop-with-apps.js';

const viewports = [
  { width: 390, height: 844 },
  { width: 1366, height: 900 },
];

const orderStatus = `query OrderStatus($id: ID!) { order(id: $id) { status } }`;

describeInChromium('a declined card, paying again and cancelling, in Chromium', ({ name, env }) => {
  let started: ShopWithApps;
  let shop: ShopUnderTest;
  let client: RunningClientServer;
  let browser: Browser;
  const socks = { name: '', skuId: '' };
  const run = name.replace(/\s+/g, '-');

  beforeAll(async () => {
    started = await startShopWithApps(env);
    ({ shop, client, browser } = started);
    const admin = (query: string, variables: Record<string, unknown>) =>
      shop.call(query, variables, shop.adminToken);
    socks.name = `울 양말 ${shop.runId}`;
    const category = await admin(createCategory, {
      input: { name: '양말', slug: `socks-${shop.runId}` },
    });
    const brand = await admin(createBrand, {
      input: { name: `산 ${shop.runId}`, slug: `hill-${shop.runId}` },
    });
    const product = await admin(createProduct, {
      input: {
        name: socks.name,
        categoryId: category.data!.createCategory.id,
        brandId: brand.data!.createBrand.id,
        status: 'ACTIVE',
        basePrice: 9_000,
        optionGroups: [{ name: '사이즈', values: ['M'] }],
        skus: [{ options: [{ name: '사이즈', value: 'M' }], initialStock: 20 }],
      },
    });
    expect(product.data!.createProduct.__typename).toBe('Product');
    socks.skuId = product.data!.createProduct.skus[0].id;
  }, 180_000);

  afterAll(async () => {
    await started?.stop();
  });

  /**
   * Signs a new shopper up with a pair of socks ordered and not yet paid, and opens the order
   * (checkout's own pages are storefront.test.ts's and storefront-money.test.ts's).
   */
  async function pendingOrder(page: Page, who: string) {
    const { token } = await signUpInPage(page, client.url, {
      name: '최카드',
      email: `${who}.${shop.runId}@example.com`,
    });
    const placed = await shop.call(
      createOrder,
      {
        input: {
          lines: [{ skuId: socks.skuId, quantity: 1 }],
          shippingAddress: address,
          idempotencyKey: randomUUID(),
        },
      },
      token,
    );
    const order = placed.data!.createOrder as {
      __typename: string;
      id: string;
      totalAmount: number;
    };
    expect(order.__typename).toBe('Order');
    await page.goto(`${client.url}/orders/${order.id}`);
    await page.getByTestId('order-status').filter({ hasText: '결제 대기' }).waitFor();
    return { orderId: order.id, amount: order.totalAmount.toLocaleString('ko-KR'), token };
  }

  /** On the PG's page: picks the test card by its label and pays. */
  async function payAtPg(page: Page, card: RegExp) {
    await page.waitForURL(/\/checkout\?/);
    await page.getByLabel(card).check();
    await page.locator('button.pay').click();
  }

  it.each(viewports)(
    'at $width px: a card the PG declines shows why, paying again pays, and cancelling asks first',
    async (viewport) => {
      const shot = screenshots(`${run}-decline-${viewport.width}`);
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      const accessibility: Record<string, string[]> = {};
      const { orderId, amount, token } = await pendingOrder(page, `declined.${viewport.width}`);
      const total = wonIn(amount);
      await shot(page, 'order-pending');

      // The order page offers paying it; the PG's page refuses the lost card: the fail page.
      await page.getByRole('button', { name: `${amount}원 결제하기` }).click();
      await payAtPg(page, /분실·도난 카드/);
      await page.getByRole('heading', { name: '결제 실패' }).waitFor();
      const reason = page.getByRole('alert');
      expect(await reason.textContent()).toBe(
        '결제에 실패했습니다. 다른 카드로 다시 시도해 주세요.',
      );
      const payAgain = page.getByRole('button', { name: `${amount}원 다시 결제하기` });
      await payAgain.waitFor();
      await shot(page, 'fail-ko');
      accessibility.fail = await seriousViolations(page);

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Payment failed' }).waitFor();
      expect(await reason.textContent()).toBe('The payment failed. Try another card.');
      await shot(page, 'fail-en');

      // Paying again takes the same order back to the PG, which approves the good card.
      await page.getByRole('button', { name: `Pay ₩${amount} again` }).click();
      expect(wonIn(await page.locator('p.amount').textContent())).toBe(total);
      await payAtPg(page, /정상 승인/);
      await page.getByRole('heading', { name: 'Payment complete' }).waitFor();
      const receipt = page.getByRole('table', { name: 'Payment' });
      await receipt.getByText(socks.name).waitFor();
      expect(await rowAmount(receipt, 'Amount charged')).toBe(total);
      await shot(page, 'paid-en');

      // Cancelling from the order page asks first, saying what comes back.
      await page.getByRole('button', { name: '한국어' }).click();
      await page.getByRole('link', { name: '주문 상세 보기' }).click();
      const status = page.getByTestId('order-status');
      await status.filter({ hasText: '결제 완료' }).waitFor();
      const cancel = page.getByRole('button', { name: '주문 취소', exact: true });
      const dialog = page.getByRole('dialog', { name: '주문을 취소할까요?' });
      await cancel.click();
      await dialog.waitFor();
      expect(await dialog.getByRole('listitem').allTextContents()).toEqual([
        `결제한 ${amount}원을 환불합니다.`,
        '주문한 상품은 재고로 돌아갑니다.',
      ]);
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('주문 유지');
      await shot(page, 'cancel-dialog');
      accessibility.dialog = await seriousViolations(page);

      // Keeping the order (or Escape) closes the dialog and changes nothing.
      await dialog.getByRole('button', { name: '주문 유지' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await cancel.click();
      await dialog.waitFor();
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      const kept = await shop.call(orderStatus, { id: orderId }, token);
      expect({ page: await status.textContent(), order: kept.data?.order.status }).toEqual({
        page: '결제 완료',
        order: 'PAID',
      });

      // Confirming cancels it, and the page shows the refund.
      await cancel.click();
      await dialog.getByRole('button', { name: '주문 취소하기' }).click();
      await status.filter({ hasText: '주문 취소' }).waitFor();
      await page.getByTestId('payment-refund').waitFor();
      expect(await page.getByTestId('payment-refund').textContent()).toBe(
        `${amount}원이 환불되었습니다.`,
      );
      await shot(page, 'cancelled');

      expect(accessibility).toEqual({ fail: [], dialog: [] });
      await context.close();
    },
    240_000,
  );

  it('a card declined at confirmation fails the order: the reason, and no way to pay it again', async () => {
    const shot = screenshots(`${run}-decline-at-confirmation`);
    const context = await browser.newContext({ viewport: viewports[0] });
    const page = await context.newPage();
    const { amount } = await pendingOrder(page, 'declined-at-confirmation');
    await page.getByRole('button', { name: `${amount}원 결제하기` }).click();

    // The PG's page takes the card; its issuer refuses when the shop confirms.
    await payAtPg(page, /승인 거절/);
    await page.getByRole('heading', { name: '결제 실패' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toBe(
      '카드사에서 결제를 거절했습니다. 다른 카드로 다시 시도해 주세요.',
    );
    const notPayable = page.getByTestId('not-payable');
    await notPayable.waitFor();
    expect(await notPayable.textContent()).toBe(
      '이 주문은 더 이상 결제할 수 없습니다. 장바구니에서 다시 주문해 주세요. 장바구니로 돌아가기',
    );
    await shot(page, 'declined-ko');
    const violations = await seriousViolations(page);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Payment failed' }).waitFor();
    expect(await page.getByRole('alert').textContent()).toBe(
      'The card issuer declined the payment. Try another card.',
    );
    expect(await notPayable.textContent()).toBe(
      'This order can no longer be paid. Order again from your cart. Back to the cart',
    );
    await shot(page, 'declined-en');

    // To order again, from the cart.
    await page.getByRole('link', { name: 'Back to the cart' }).click();
    await page.getByRole('heading', { name: 'Cart' }).waitFor();
    expect(violations).toEqual([]);
    await context.close();
  }, 240_000);
});
