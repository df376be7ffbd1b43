import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { SkuInfo } from '@shop/contracts';
import {
  couponDiscount,
  priceLines,
  unitDiscount,
  type ApplicableDiscount,
} from '../src/services/pricing.js';

const clothing = randomUUID();
const tees = randomUUID();

function sku(price: number, overrides: Partial<SkuInfo> = {}): SkuInfo {
  return {
    id: randomUUID(),
    productId: randomUUID(),
    productName: '상품',
    categoryIds: [clothing, tees],
    brandId: null,
    code: 'X',
    options: {},
    price,
    available: 10,
    sellable: true,
    ...overrides,
  };
}

describe('the stacking rules', () => {
  it('applies only the best discount per SKU, product or any category level, rounding rates down', () => {
    const item = sku(19_990);
    const discounts: ApplicableDiscount[] = [
      { target: 'CATEGORY', targetId: clothing, kind: 'RATE', value: 10 },
      { target: 'CATEGORY', targetId: tees, kind: 'FIXED', value: 1_500 },
      { target: 'PRODUCT', targetId: item.productId, kind: 'RATE', value: 5 },
      { target: 'PRODUCT', targetId: randomUUID(), kind: 'RATE', value: 50 },
    ];
    // 10 % of 19,990 = 1,999 beats 1,500 and 999; the 50 % is another product's.
    expect(unitDiscount(item, discounts)).toBe(1_999);
  });

  it('never prices a unit below zero', () => {
    expect(
      unitDiscount(sku(1_000), [
        { target: 'CATEGORY', targetId: tees, kind: 'FIXED', value: 5_000 },
      ]),
    ).toBe(1_000);
  });

  it('checks the coupon minimum and caps against the already-discounted subtotal', () => {
    const rate = { kind: 'RATE' as const, value: 20, minOrderAmount: 30_000, maxDiscount: 5_000 };
    expect(couponDiscount(rate, 29_999)).toBe(0);
    expect(couponDiscount(rate, 30_000)).toBe(5_000); // 6,000 capped
    expect(couponDiscount({ ...rate, maxDiscount: null }, 30_001)).toBe(6_000); // rounded down
    const fixed = { kind: 'FIXED' as const, value: 10_000, minOrderAmount: 0, maxDiscount: null };
    expect(couponDiscount(fixed, 4_000)).toBe(4_000);
  });

  it('puts the coupon on the discounted price and shares it across lines to the won', () => {
    const a = sku(10_000);
    const b = sku(10_000);
    const c = sku(10_000);
    const priced = priceLines(
      [
        { sku: a, quantity: 1 },
        { sku: b, quantity: 1 },
        { sku: c, quantity: 1 },
      ],
      [{ target: 'PRODUCT', targetId: a.productId, kind: 'FIXED', value: 1_000 }],
      { kind: 'FIXED', value: 1_000, minOrderAmount: 29_000, maxDiscount: null },
    );
    expect(priced).toMatchObject({
      subtotal: 30_000,
      productDiscount: 1_000,
      couponDiscount: 1_000,
      total: 28_000,
    });
    // 1,000 × 9,000/29,000 = 310.3 and 344.8 twice: floors 310 + 344 + 344, the 2 won left to the largest remainders.
    expect(priced.lines.map((line) => line.couponDiscount)).toEqual([310, 345, 345]);
    expect(priced.lines.reduce((sum, line) => sum + line.lineTotal, 0)).toBe(priced.total);
  });

  it('takes an order to zero at most, however large the coupon', () => {
    const priced = priceLines([{ sku: sku(3_000), quantity: 2 }], [], {
      kind: 'FIXED',
      value: 50_000,
      minOrderAmount: 0,
      maxDiscount: null,
    });
    expect(priced).toMatchObject({ couponDiscount: 6_000, total: 0 });
    expect(priced.lines[0]!.lineTotal).toBe(0);
  });
});
