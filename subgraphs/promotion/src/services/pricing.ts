import type { QuotedLine, SkuInfo } from '@shop/contracts';
import { allocate } from '@shop/kit/money';
import type { AmountKind } from '../domain/discount.entity.js';

export interface ApplicableDiscount {
  target: 'PRODUCT' | 'CATEGORY';
  targetId: string;
  kind: AmountKind;
  value: number;
}

export interface CouponTerms {
  kind: AmountKind;
  value: number;
  minOrderAmount: number;
  maxDiscount: number | null;
}

/**
 * The stacking rules, in one place:
 * 1. Per SKU, only the best discount that applies (its product's, or its category's or any
 *    ancestor's) counts — discounts never add up. RATE is rounded down to the won; FIXED is per
 *    unit. A unit never costs less than zero.
 * 2. A coupon applies to the already-discounted subtotal: its minimum order is checked against
 *    it, RATE is capped by the coupon's maximum, and no coupon takes more than that subtotal.
 * 3. The coupon is shared across lines in proportion to their discounted amounts, in whole won
 *    that sum exactly (largest remainder), so a refund of one line knows what it really cost.
 */
/** What a SKU's discount depends on: its price and what a discount may target. */
export type DiscountedSku = Pick<SkuInfo, 'price' | 'productId' | 'categoryIds'>;

export function unitDiscount(sku: DiscountedSku, discounts: readonly ApplicableDiscount[]): number {
  let best = 0;
  for (const discount of discounts) {
    const applies =
      discount.target === 'PRODUCT'
        ? discount.targetId === sku.productId
        : sku.categoryIds.includes(discount.targetId);
    if (!applies) continue;
    const off =
      discount.kind === 'RATE' ? Math.floor((sku.price * discount.value) / 100) : discount.value;
    best = Math.max(best, Math.min(off, sku.price));
  }
  return best;
}

export function couponDiscount(terms: CouponTerms, discountedSubtotal: number): number {
  if (discountedSubtotal < terms.minOrderAmount) return 0;
  const raw =
    terms.kind === 'RATE'
      ? Math.min(
          Math.floor((discountedSubtotal * terms.value) / 100),
          terms.maxDiscount ?? Number.MAX_SAFE_INTEGER,
        )
      : terms.value;
  return Math.min(raw, discountedSubtotal);
}

export function priceLines(
  lines: readonly { sku: SkuInfo; quantity: number }[],
  discounts: readonly ApplicableDiscount[],
  coupon: CouponTerms | null,
): {
  lines: QuotedLine[];
  subtotal: number;
  productDiscount: number;
  couponDiscount: number;
  total: number;
} {
  const discounted = lines.map(({ sku, quantity }) => {
    const salePrice = sku.price - unitDiscount(sku, discounts);
    return { sku, quantity, salePrice, amount: salePrice * quantity };
  });
  const discountedSubtotal = discounted.reduce((sum, line) => sum + line.amount, 0);
  const couponTotal = coupon ? couponDiscount(coupon, discountedSubtotal) : 0;
  const couponShares = allocate(
    couponTotal,
    discounted.map((line) => line.amount),
  );
  const quoted = discounted.map(({ sku, quantity, salePrice, amount }, index): QuotedLine => ({
    skuId: sku.id,
    productId: sku.productId,
    productName: sku.productName,
    brandId: sku.brandId,
    options: sku.options,
    quantity,
    unitPrice: sku.price,
    salePrice,
    lineSubtotal: sku.price * quantity,
    productDiscount: (sku.price - salePrice) * quantity,
    couponDiscount: couponShares[index]!,
    lineTotal: amount - couponShares[index]!,
  }));
  const subtotal = quoted.reduce((sum, line) => sum + line.lineSubtotal, 0);
  const productDiscount = quoted.reduce((sum, line) => sum + line.productDiscount, 0);
  return {
    lines: quoted,
    subtotal,
    productDiscount,
    couponDiscount: couponTotal,
    total: subtotal - productDiscount - couponTotal,
  };
}
