import { describe, expect, it } from 'vitest';
import { checkoutCharge, type CheckoutRules } from '../src/domain/checkout-charge.js';

const rules: CheckoutRules = { freeShippingFrom: 50_000, shippingFee: 3_000, minimumCharge: 100 };

describe('checkoutCharge: shipping and points on a priced cart', () => {
  it('charges shipping below the threshold and says how much more ships free', () => {
    expect(checkoutCharge(20_600, 500, rules)).toEqual({
      kind: 'charged',
      charge: {
        shippingFee: 3_000,
        freeShippingFrom: 50_000,
        amountToFreeShipping: 29_400,
        maxPointsUsable: 23_500,
        pointsUsed: 500,
        totalAmount: 23_100,
      },
    });
  });

  it('ships free from exactly the threshold, one won below pays the fee', () => {
    const at = checkoutCharge(50_000, 0, rules);
    const below = checkoutCharge(49_999, 0, rules);
    expect(at).toMatchObject({
      charge: { shippingFee: 0, amountToFreeShipping: 0, totalAmount: 50_000 },
    });
    expect(below).toMatchObject({
      charge: { shippingFee: 3_000, amountToFreeShipping: 1, totalAmount: 52_999 },
    });
  });

  it('lets points bring the charge down to the minimum the PG takes, and no further', () => {
    expect(checkoutCharge(10_000, 12_900, rules)).toMatchObject({
      kind: 'charged',
      charge: { maxPointsUsable: 12_900, pointsUsed: 12_900, totalAmount: 100 },
    });
    expect(checkoutCharge(10_000, 12_901, rules)).toEqual({
      kind: 'invalid-input',
      issues: [{ field: 'pointsToUse', message: 'at most 12900 points on this order' }],
    });
  });

  it('takes no points on an order worth less than the minimum charge', () => {
    const free = { ...rules, shippingFee: 0 };
    expect(checkoutCharge(50, 0, free)).toMatchObject({
      charge: { maxPointsUsable: 0, totalAmount: 50, amountToFreeShipping: 0 },
    });
    expect(checkoutCharge(50, 1, free).kind).toBe('invalid-input');
  });

  it.each([-1, 0.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'refuses %s points as invalid input',
    (points) => {
      expect(checkoutCharge(20_000, points, rules)).toEqual({
        kind: 'invalid-input',
        issues: [{ field: 'pointsToUse', message: 'points are a whole number, not below zero' }],
      });
    },
  );
});
