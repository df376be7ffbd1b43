import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Quote, QuoteRequest } from '@shop/contracts';
import { CheckoutQuotes } from '../src/services/checkout-quote.js';
import type { PromotionClient } from '../src/services/promotion-client.js';

const rules = { freeShippingFrom: 50_000, shippingFee: 3_000, minimumCharge: 100 };

/** promotion pricing every unit at 10,000원, and the requests it was asked. */
function fakePromotion() {
  const asked: QuoteRequest[] = [];
  const promotion = {
    quote: async (request: QuoteRequest): Promise<Quote> => {
      asked.push(request);
      const total = request.lines.reduce((sum, line) => sum + line.quantity * 10_000, 0);
      return {
        lines: [],
        subtotal: total,
        productDiscount: 0,
        couponDiscount: 0,
        total,
        coupon: null,
        unavailableSkuIds: [],
      };
    },
  } as unknown as PromotionClient;
  return { promotion, asked };
}

describe('checkout quotes', () => {
  it("adds shipping and points to promotion's price of the caller's cart", async () => {
    const { promotion, asked } = fakePromotion();
    const userId = randomUUID();
    const skuId = randomUUID();
    const outcome = await new CheckoutQuotes({ promotion, rules }).quote(userId, {
      lines: [{ skuId, quantity: 5 }],
      pointsToUse: 1_000,
    });
    expect(asked).toEqual([{ userId, lines: [{ skuId, quantity: 5 }], couponId: undefined }]);
    expect(outcome).toMatchObject({
      kind: 'quoted',
      quote: { total: 50_000 },
      charge: { shippingFee: 0, pointsUsed: 1_000, totalAmount: 49_000 },
    });
  });

  it('refuses a malformed cart as invalid input without asking promotion', async () => {
    const { promotion, asked } = fakePromotion();
    const outcome = await new CheckoutQuotes({ promotion, rules }).quote(randomUUID(), {
      lines: [],
      pointsToUse: -1,
    });
    expect(outcome.kind).toBe('invalid-input');
    expect(outcome.kind === 'invalid-input' && outcome.issues.map((i) => i.field)).toEqual([
      'lines',
      'pointsToUse',
    ]);
    expect(asked).toEqual([]);
  });

  it('refuses more points than the order takes, naming the field', async () => {
    const { promotion } = fakePromotion();
    const outcome = await new CheckoutQuotes({ promotion, rules }).quote(randomUUID(), {
      lines: [{ skuId: randomUUID(), quantity: 1 }],
      pointsToUse: 12_901,
    });
    expect(outcome).toEqual({
      kind: 'invalid-input',
      issues: [{ field: 'pointsToUse', message: 'at most 12900 points on this order' }],
    });
  });
});
