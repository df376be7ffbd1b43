import { quoteRequestSchema, type Quote, type QuoteRequest } from '@shop/contracts';
import { parseInput, type ParsedInput } from '@shop/kit';
import type { EntityManager } from '@shop/kit/db';
import { Discount } from '../domain/discount.entity.js';
import { couponRejection } from './coupon-rules.js';
import { priceLines } from './pricing.js';
import type { ProductClient } from './product-client.js';

/**
 * A client's cart checked by the rules order's internal call is held to (contracts): 1 to 100
 * lines, one per SKU, 1 to 1000 of each. A quantity of 0 or below would price a negative total.
 */
export const parseQuoteRequest = (input: unknown): ParsedInput<QuoteRequest> =>
  parseInput(quoteRequestSchema, input);

/** The server-side price of a cart: today's SKU prices, discounts, and the customer's coupon. */
export class Quotes {
  constructor(private readonly product: ProductClient) {}

  async quote(em: EntityManager, request: QuoteRequest, now = new Date()): Promise<Quote> {
    const skus = await this.product.skus(request.lines.map((line) => line.skuId));
    const sellable = new Map(skus.filter((sku) => sku.sellable).map((sku) => [sku.id, sku]));
    const unavailableSkuIds = request.lines
      .map((line) => line.skuId)
      .filter((id) => !sellable.has(id));
    const lines = request.lines
      .filter((line) => sellable.has(line.skuId))
      .map((line) => ({ sku: sellable.get(line.skuId)!, quantity: line.quantity }));
    const discounts = await this.activeDiscounts(
      em,
      lines.map((line) => line.sku),
      now,
    );

    let coupon: Quote['coupon'] = null;
    let terms = null;
    if (request.couponId) {
      const withoutCoupon = priceLines(lines, discounts, null);
      const checked = await couponRejection(
        em,
        request.couponId,
        request.userId,
        withoutCoupon.total,
        now,
      );
      coupon = {
        id: request.couponId,
        applied: checked.rejection === null,
        rejection: checked.rejection,
      };
      terms = checked.rejection === null ? checked.terms : null;
    }
    return { ...priceLines(lines, discounts, terms), coupon, unavailableSkuIds };
  }

  private activeDiscounts(
    em: EntityManager,
    skus: { productId: string; categoryIds: string[] }[],
    now: Date,
  ) {
    const targets = [...new Set(skus.flatMap((sku) => [sku.productId, ...sku.categoryIds]))];
    if (targets.length === 0) return Promise.resolve([]);
    return em.find(Discount, {
      targetId: { $in: targets },
      active: true,
      startsAt: { $lte: now },
      endsAt: { $gt: now },
    });
  }
}
