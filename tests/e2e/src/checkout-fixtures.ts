import { randomUUID } from 'node:crypto';
import { authorizeInSandbox, testCards } from '@shop/pg-sandbox';
import { createBrand, createCategory, createProduct } from './catalog-operations.js';
import {
  claimCoupon,
  createCouponTemplate,
  createOrder,
  confirmPayment,
  adjustPoints,
  signUp,
} from './checkout-operations.js';
import type { ShopClient } from './shop-under-test.js';

export const address = {
  recipient: '홍길동',
  phone: '010-1234-5678',
  postalCode: '04524',
  line1: '서울 중구 세종대로 110',
};

/** Helpers that play the customer, the admin and the PG's checkout page for a checkout test. */
export function checkoutFixtures(shop: ShopClient) {
  let customers = 0;
  const admin = (query: string, variables?: Record<string, unknown>) =>
    shop.call(query, variables, shop.adminToken);

  return {
    async customer(points = 0): Promise<{ userId: string; token: string }> {
      const email = `buyer${++customers}.${shop.runId}@example.com`;
      const result = await shop.call(signUp, {
        input: { email, password: 'correct horse battery staple', name: '구매자' },
      });
      const session = result.data!.signUp as { userId: string; accessToken: string };
      if (points > 0)
        await admin(adjustPoints, {
          userId: session.userId,
          amount: points,
          reference: `welcome-${session.userId}`,
        });
      return { userId: session.userId, token: session.accessToken };
    },

    async brand(name: string): Promise<string> {
      const brand = await admin(createBrand, {
        input: { name, slug: `brand-${randomUUID().slice(0, 8)}` },
      });
      return brand.data!.createBrand.id as string;
    },

    async skuOnSale(price: number, stock: number, brandId?: string): Promise<string> {
      const category = await admin(createCategory, {
        input: { name: '테스트', slug: `checkout-${randomUUID().slice(0, 8)}` },
      });
      const product = await admin(createProduct, {
        input: {
          name: `결제 테스트 상품 ${randomUUID().slice(0, 6)}`,
          categoryId: category.data!.createCategory.id,
          brandId,
          status: 'ACTIVE',
          basePrice: price,
          initialStock: stock,
        },
      });
      return product.data!.createProduct.skus[0].id as string;
    },

    async coupon(token: string, terms: Record<string, unknown>): Promise<string> {
      const template = await admin(createCouponTemplate, {
        input: {
          name: '테스트 쿠폰',
          validFrom: new Date(Date.now() - 60_000).toISOString(),
          validUntil: new Date(Date.now() + 86_400_000).toISOString(),
          totalLimit: 1000,
          claimable: true,
          ...terms,
        },
      });
      const claimed = await shop.call(
        claimCoupon,
        { templateId: template.data!.createCouponTemplate.id },
        token,
      );
      return claimed.data!.claimCoupon.id as string;
    },

    order(token: string, input: Record<string, unknown>) {
      return shop.call(
        createOrder,
        { input: { shippingAddress: address, idempotencyKey: randomUUID(), ...input } },
        token,
      );
    },

    /** What the PG's hosted page does when the customer pays: an authorised payment key. */
    async authorize(
      orderId: string,
      amount: number,
      card: string = testCards.NORMAL,
    ): Promise<string> {
      return authorizeInSandbox(shop.pg.url, { orderId, orderName: '테스트 주문', amount, card });
    },

    confirm(token: string, orderId: string, paymentKey: string, amount: number) {
      return shop.call(confirmPayment, { input: { orderId, paymentKey, amount } }, token);
    },

    /** The PG's view of an order's payment; null if the PG never heard of it. */
    async pgPayment(
      orderId: string,
    ): Promise<{ status: string; totalAmount: number; balanceAmount: number } | null> {
      const answer = await fetch(`${shop.pg.url}/v1/payments/orders/${orderId}`, {
        headers: { authorization: `Basic ${Buffer.from('test_sk_sandbox:').toString('base64')}` },
      });
      return answer.ok
        ? ((await answer.json()) as { status: string; totalAmount: number; balanceAmount: number })
        : null;
    },

    async pgStats(): Promise<{ confirmations: number; cancels: number }> {
      return (await fetch(`${shop.pg.url}/v1/sandbox/stats`)).json() as Promise<{
        confirmations: number;
        cancels: number;
      }>;
    },
  };
}
