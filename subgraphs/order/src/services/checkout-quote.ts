import type { Quote } from '@shop/contracts';
import { parseInput, type InputIssue } from '@shop/kit';
import {
  checkoutCharge,
  type CheckoutCharge,
  type CheckoutRules,
} from '../domain/checkout-charge.js';
import { checkoutQuoteSchema, type CheckoutQuoteInput } from './order-input.js';
import type { PromotionClient } from './promotion-client.js';

export type CheckoutQuoteOutcome =
  | { kind: 'quoted'; quote: Quote; charge: CheckoutCharge }
  | { kind: 'invalid-input'; issues: InputIssue[] };

/**
 * What the cart would cost if ordered now: promotion's price, then shipping and points as
 * createOrder reckons them. Unsellable lines and a coupon that does not apply are reported in the
 * quote, as promotion does, so the cart can show them; createOrder refuses them.
 */
export class CheckoutQuotes {
  constructor(private readonly deps: { promotion: PromotionClient; rules: CheckoutRules }) {}

  async quote(userId: string, input: CheckoutQuoteInput): Promise<CheckoutQuoteOutcome> {
    const parsed = parseInput(checkoutQuoteSchema, input);
    if (!parsed.ok) return { kind: 'invalid-input', issues: parsed.issues };
    const { lines, couponId, pointsToUse } = parsed.data;
    const quote = await this.deps.promotion.quote({ userId, lines, couponId });
    const charged = checkoutCharge(quote.total, pointsToUse, this.deps.rules);
    if (charged.kind === 'invalid-input') return charged;
    return { kind: 'quoted', quote, charge: charged.charge };
  }
}
