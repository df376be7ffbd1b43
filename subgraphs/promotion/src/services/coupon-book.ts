import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException, type QueryResult } from '@mikro-orm/core';
import type { EntityManager } from '@shop/kit/db';
import { CouponTemplate } from '../domain/coupon-template.entity.js';
import { Coupon, type CouponStatus } from '../domain/coupon.entity.js';
import { couponRejection } from './coupon-rules.js';
import { normalisedCode } from './coupon-code.js';

export type IssueOutcome =
  | { kind: 'issued'; coupon: Coupon }
  | { kind: 'template-not-found' }
  | { kind: 'not-claimable' }
  | { kind: 'not-started'; startsAt: Date }
  | { kind: 'expired' }
  | { kind: 'sold-out' }
  | { kind: 'per-customer-limit'; limit: number };

/**
 * Who asks: a customer claiming an offer, a customer who has the template's code (which lets them
 * claim one the shop does not offer to all), or staff issuing it to someone.
 */
export type IssuedBy = 'customer' | 'code-holder' | 'admin';

class LimitReached extends Error {
  constructor(readonly outcome: IssueOutcome) {
    super(outcome.kind);
  }
}

/**
 * Coupons: issued within the template's limits, then reserved, used, released or restored by
 * orders. Limits hold under races — the total by a conditional UPDATE of `issued_count`, the
 * per-customer one by the unique (template, user, sequence) key — and every order step is a
 * conditional status change, idempotent for the order that made it.
 */
export class CouponBook {
  /** A customer claims a claimable coupon or one whose code they have; staff issue any. */
  async issue(
    em: EntityManager,
    templateId: string,
    userId: string,
    by: IssuedBy,
    now = new Date(),
  ): Promise<IssueOutcome> {
    const template = await em.fork().findOne(CouponTemplate, { id: templateId });
    if (!template) return { kind: 'template-not-found' };
    if (by === 'customer' && !template.claimable) return { kind: 'not-claimable' };
    // A customer claims within the validity window; staff may hand one out ahead of it (it
    // is not usable before its start either way).
    if (by !== 'admin' && now < template.validFrom)
      return { kind: 'not-started', startsAt: template.validFrom };
    if (now >= template.validUntil) return { kind: 'expired' };
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        return await em.fork().transactional(async (tx) => {
          const held = await tx.count(Coupon, { templateId, userId });
          if (held >= template.perCustomerLimit)
            throw new LimitReached({
              kind: 'per-customer-limit',
              limit: template.perCustomerLimit,
            });
          const counted = await tx
            .getConnection()
            .execute<QueryResult>(
              'update coupon_template set issued_count = issued_count + 1 where id = ? and issued_count < total_limit',
              [templateId],
              'run',
              tx.getTransactionContext(),
            );
          if (counted.affectedRows !== 1) throw new LimitReached({ kind: 'sold-out' });
          const coupon = tx.create(Coupon, {
            id: randomUUID(),
            templateId,
            userId,
            sequence: held + 1,
          });
          tx.persist(coupon);
          return { kind: 'issued' as const, coupon };
        });
      } catch (error) {
        if (error instanceof LimitReached) return error.outcome;
        // A concurrent claim by the same customer took this sequence: count again.
        if (!(error instanceof UniqueConstraintViolationException)) throw error;
      }
    }
    return { kind: 'per-customer-limit', limit: template.perCustomerLimit };
  }

  /** A customer types a coupon's code: the template with that code, claimed for them. */
  async claimByCode(em: EntityManager, code: string, userId: string): Promise<IssueOutcome> {
    const template = await em.fork().findOne(CouponTemplate, { code: normalisedCode(code) });
    if (!template) return { kind: 'template-not-found' };
    return this.issue(em, template.id, userId, 'code-holder');
  }

  /** Holds a coupon for an unpaid order; a repeat for the same order is a success. */
  async reserve(
    em: EntityManager,
    couponId: string,
    orderId: string,
    userId: string,
    now = new Date(),
  ) {
    const coupon = await em.fork().findOne(Coupon, { id: couponId });
    if (coupon?.orderId === orderId && coupon.status === 'RESERVED')
      return { reserved: true as const };
    // The rules other than the minimum: the order was priced with the coupon already.
    const check = await couponRejection(em.fork(), couponId, userId, Number.MAX_SAFE_INTEGER, now);
    if (check.rejection) return { reserved: false as const, reason: check.rejection };
    const changed = await em
      .fork()
      .nativeUpdate(
        Coupon,
        { id: couponId, userId, status: { $in: ['ISSUED', 'RESTORED'] } },
        { status: 'RESERVED', orderId },
      );
    if (changed === 1) return { reserved: true as const };
    const current = await em.fork().findOne(Coupon, { id: couponId });
    return current?.orderId === orderId && current.status === 'RESERVED'
      ? { reserved: true as const }
      : { reserved: false as const, reason: 'ALREADY_USED' as const };
  }

  use(em: EntityManager, couponId: string, orderId: string) {
    return this.move(em, couponId, orderId, 'RESERVED', 'USED', { usedAt: new Date() });
  }

  release(em: EntityManager, couponId: string, orderId: string) {
    return this.move(em, couponId, orderId, 'RESERVED', 'ISSUED', { orderId: null });
  }

  restore(em: EntityManager, couponId: string, orderId: string) {
    return this.move(em, couponId, orderId, 'USED', 'RESTORED', { orderId: null, usedAt: null });
  }

  private async move(
    em: EntityManager,
    couponId: string,
    orderId: string,
    from: CouponStatus,
    to: CouponStatus,
    fields: Partial<Pick<Coupon, 'orderId' | 'usedAt'>>,
  ): Promise<boolean> {
    const changed = await em
      .fork()
      .nativeUpdate(Coupon, { id: couponId, orderId, status: from }, { status: to, ...fields });
    return changed === 1;
  }
}
