import type { couponRejectionReasons } from '@shop/contracts';
import type { EntityManager } from '@shop/kit/db';
import { CouponTemplate } from '../domain/coupon-template.entity.js';
import { Coupon } from '../domain/coupon.entity.js';
import type { CouponTerms } from './pricing.js';

type Rejection = (typeof couponRejectionReasons)[number];

/** Whether a customer's coupon applies to a discounted subtotal now, and with what terms. */
export async function couponRejection(
  em: EntityManager,
  couponId: string,
  userId: string,
  discountedSubtotal: number,
  now: Date,
): Promise<{ rejection: Rejection | null; terms: CouponTerms | null }> {
  const coupon = await em.findOne(Coupon, { id: couponId });
  if (!coupon) return { rejection: 'NOT_FOUND', terms: null };
  if (coupon.userId !== userId) return { rejection: 'NOT_YOURS', terms: null };
  if (coupon.status !== 'ISSUED' && coupon.status !== 'RESTORED')
    return { rejection: coupon.status === 'EXPIRED' ? 'EXPIRED' : 'ALREADY_USED', terms: null };
  const template = await em.findOneOrFail(CouponTemplate, { id: coupon.templateId });
  if (now < template.validFrom) return { rejection: 'NOT_YET_VALID', terms: null };
  if (now >= template.validUntil) return { rejection: 'EXPIRED', terms: null };
  if (discountedSubtotal < template.minOrderAmount)
    return { rejection: 'MINIMUM_NOT_MET', terms: null };
  const { kind, value, minOrderAmount, maxDiscount } = template;
  return {
    rejection: null,
    terms: { kind, value, minOrderAmount, maxDiscount: maxDiscount ?? null },
  };
}
