import type { InputIssue } from '@shop/kit';

/** The shop's terms for shipping and points, from its configuration. */
export interface CheckoutRules {
  /** Goods totals from this much ship free; below it the fee is charged. */
  freeShippingFrom: number;
  shippingFee: number;
  /** The PG refuses smaller charges, so points may not bring an order below it. */
  minimumCharge: number;
}

/** Shipping and points on a priced cart, and what is left for the PG to charge. */
export interface CheckoutCharge {
  shippingFee: number;
  freeShippingFrom: number;
  /** What more goods would make shipping free; 0 once it is (or when shipping costs nothing). */
  amountToFreeShipping: number;
  maxPointsUsable: number;
  pointsUsed: number;
  /** Goods total + shipping − points: the amount the PG charges. */
  totalAmount: number;
}

export type CheckoutChargeOutcome =
  { kind: 'charged'; charge: CheckoutCharge } | { kind: 'invalid-input'; issues: InputIssue[] };

/**
 * The one reckoning of shipping and points (docs/architecture.md#checkout): the checkout quote
 * shows it and createOrder records it, so the figures the shopper reads are the ones charged.
 * `goodsTotal` is promotion's quote total (whole won, never negative, by its contract).
 */
export function checkoutCharge(
  goodsTotal: number,
  pointsToUse: number,
  rules: CheckoutRules,
): CheckoutChargeOutcome {
  if (!Number.isSafeInteger(pointsToUse) || pointsToUse < 0)
    return invalidPoints('points are a whole number, not below zero');
  const shippingFee = goodsTotal >= rules.freeShippingFrom ? 0 : rules.shippingFee;
  const maxPointsUsable = Math.max(goodsTotal + shippingFee - rules.minimumCharge, 0);
  if (pointsToUse > maxPointsUsable)
    return invalidPoints(`at most ${maxPointsUsable} points on this order`);
  return {
    kind: 'charged',
    charge: {
      shippingFee,
      freeShippingFrom: rules.freeShippingFrom,
      amountToFreeShipping: shippingFee > 0 ? rules.freeShippingFrom - goodsTotal : 0,
      maxPointsUsable,
      pointsUsed: pointsToUse,
      totalAmount: goodsTotal + shippingFee - pointsToUse,
    },
  };
}

const invalidPoints = (message: string): CheckoutChargeOutcome => ({
  kind: 'invalid-input',
  issues: [{ field: 'pointsToUse', message }],
});
