import type { EntityManager } from '@shop/kit/db';
import { CouponTemplate } from '../domain/coupon-template.entity.js';
import { Coupon, type CouponStatus } from '../domain/coupon.entity.js';

/** The statuses an order may take a coupon in (as `couponRejection` checks). */
const usableStatuses: CouponStatus[] = ['ISSUED', 'RESTORED'];

/**
 * A customer's coupons an order could use now: issued or restored, and inside their template's
 * validity window (a coupon's status does not turn EXPIRED by itself). Newest first.
 */
export async function usableCoupons(
  em: EntityManager,
  userId: string,
  now = new Date(),
): Promise<Coupon[]> {
  const coupons = await em.find(
    Coupon,
    { userId, status: { $in: usableStatuses } },
    { orderBy: { issuedAt: 'desc', id: 'asc' } },
  );
  if (coupons.length === 0) return [];
  const valid = await em.find(CouponTemplate, {
    id: { $in: [...new Set(coupons.map((coupon) => coupon.templateId))] },
    validFrom: { $lte: now },
    validUntil: { $gt: now },
  });
  const validIds = new Set(valid.map((template) => template.id));
  return coupons.filter((coupon) => validIds.has(coupon.templateId));
}
