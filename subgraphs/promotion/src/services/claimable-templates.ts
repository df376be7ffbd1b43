import type { EntityManager } from '@shop/kit/db';
import { CouponTemplate } from '../domain/coupon-template.entity.js';
import { Coupon } from '../domain/coupon.entity.js';

const listed = 50;

/**
 * Coupons the shop offers now (claimable, valid, not all given out), ending soonest first. For a
 * signed-in shopper it leaves out those they already hold up to the per-customer limit, whatever
 * became of them since, as `CouponBook.issue` would refuse another.
 */
export async function claimableTemplates(
  em: EntityManager,
  userId: string | undefined,
  now = new Date(),
): Promise<CouponTemplate[]> {
  const exhausted = userId ? await templatesAtLimit(em, userId) : [];
  const templates = await em.find(
    CouponTemplate,
    {
      claimable: true,
      validFrom: { $lte: now },
      validUntil: { $gt: now },
      ...(exhausted.length > 0 ? { id: { $nin: exhausted } } : {}),
    },
    { orderBy: { validUntil: 'asc', id: 'asc' }, limit: listed },
  );
  return templates.filter((template) => template.issuedCount < template.totalLimit);
}

/** The templates a customer holds as many coupons of as each allows one customer. */
async function templatesAtLimit(em: EntityManager, userId: string): Promise<string[]> {
  const held = new Map<string, number>();
  for (const coupon of await em.find(Coupon, { userId }))
    held.set(coupon.templateId, (held.get(coupon.templateId) ?? 0) + 1);
  if (held.size === 0) return [];
  const templates = await em.find(CouponTemplate, { id: { $in: [...held.keys()] } });
  return templates
    .filter((template) => held.get(template.id)! >= template.perCustomerLimit)
    .map((template) => template.id);
}
