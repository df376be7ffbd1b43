import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { z } from 'zod';
import { parseInput, type InputIssue } from '@shop/kit';
import type { EntityManager } from '@shop/kit/db';
import { CouponTemplate } from '../domain/coupon-template.entity.js';
import { Discount } from '../domain/discount.entity.js';
import { couponCodeSchema } from './coupon-code.js';

export type AdminOutcome<T> =
  { kind: 'saved'; value: T } | { kind: 'invalid-input'; issues: InputIssue[] };

const period = <T extends z.ZodRawShape>(shape: T, from: string, until: string) =>
  z
    .object(shape)
    .refine(
      (input) => (input as Record<string, Date>)[until]! > (input as Record<string, Date>)[from]!,
      {
        path: [until],
        message: `must be after ${from}`,
      },
    );

const amount = {
  kind: z.enum(['RATE', 'FIXED']),
  value: z.number().int().min(1).max(10_000_000),
};
const rateAtMost90 = (input: { kind: string; value: number }) =>
  input.kind !== 'RATE' || input.value <= 90;

export const discountInputSchema = period(
  {
    name: z.string().trim().min(1).max(100),
    target: z.enum(['PRODUCT', 'CATEGORY']),
    targetId: z.uuid(),
    ...amount,
    startsAt: z.date(),
    endsAt: z.date(),
  },
  'startsAt',
  'endsAt',
).refine(rateAtMost90, { path: ['value'], message: 'a rate is a percent from 1 to 90' });

export const discountUpdateSchema = period(
  {
    name: z.string().trim().min(1).max(100),
    ...amount,
    startsAt: z.date(),
    endsAt: z.date(),
  },
  'startsAt',
  'endsAt',
).refine(rateAtMost90, { path: ['value'], message: 'a rate is a percent from 1 to 90' });

export type DiscountStatus = 'ACTIVE' | 'SCHEDULED' | 'ENDED';

/** Running now, waiting for its start, or over (ended early by an admin, or its period passed). */
export function discountStatus(
  discount: Pick<Discount, 'active' | 'startsAt' | 'endsAt'>,
  now = new Date(),
): DiscountStatus {
  if (!discount.active || discount.endsAt <= now) return 'ENDED';
  return discount.startsAt > now ? 'SCHEDULED' : 'ACTIVE';
}

export const couponTemplateInputSchema = period(
  {
    name: z.string().trim().min(1).max(100),
    ...amount,
    minOrderAmount: z.number().int().min(0).default(0),
    maxDiscount: z.number().int().min(1).nullish(),
    validFrom: z.date(),
    validUntil: z.date(),
    totalLimit: z.number().int().min(1).max(10_000_000),
    perCustomerLimit: z.number().int().min(1).max(100).default(1),
    claimable: z.boolean().default(false),
    code: couponCodeSchema.nullish(),
  },
  'validFrom',
  'validUntil',
).refine(rateAtMost90, { path: ['value'], message: 'a rate is a percent from 1 to 90' });

/** The admin's promotions: discounts and coupon templates, validated with every issue reported. */
export class PromotionAdmin {
  async createDiscount(
    em: EntityManager,
    input: z.input<typeof discountInputSchema>,
  ): Promise<AdminOutcome<Discount>> {
    const result = parseInput(discountInputSchema, input);
    if (!result.ok) return { kind: 'invalid-input', issues: result.issues };
    const discount = em.create(Discount, { id: randomUUID(), ...result.data });
    await em.persist(discount).flush();
    return { kind: 'saved', value: discount };
  }

  /** Every discount, newest first: running, scheduled and ended alike. */
  listDiscounts(em: EntityManager): Promise<Discount[]> {
    return em.find(Discount, {}, { orderBy: { createdAt: 'desc', id: 'asc' }, limit: 200 });
  }

  /**
   * Changes a discount's name, amount or period; fields left out keep their value. An ended
   * discount stays ended. Quotes read discounts fresh on every request, so the next one follows.
   */
  async updateDiscount(
    em: EntityManager,
    id: string,
    input: Partial<z.input<typeof discountUpdateSchema>>,
  ): Promise<AdminOutcome<Discount>> {
    const discount = await em.findOne(Discount, { id });
    if (!discount)
      return { kind: 'invalid-input', issues: [{ field: 'id', message: 'no such discount' }] };
    if (!discount.active)
      return {
        kind: 'invalid-input',
        issues: [{ field: 'id', message: 'an ended discount cannot be changed' }],
      };
    const defined = Object.fromEntries(
      Object.entries(input).filter(([, value]) => value !== undefined && value !== null),
    );
    const result = parseInput(discountUpdateSchema, {
      name: discount.name,
      kind: discount.kind,
      value: discount.value,
      startsAt: discount.startsAt,
      endsAt: discount.endsAt,
      ...defined,
    });
    if (!result.ok) return { kind: 'invalid-input', issues: result.issues };
    em.assign(discount, result.data);
    await em.flush();
    return { kind: 'saved', value: discount };
  }

  /** Ends a discount now. Ending an ended one changes nothing. */
  async endDiscount(
    em: EntityManager,
    id: string,
    now = new Date(),
  ): Promise<AdminOutcome<Discount>> {
    const discount = await em.findOne(Discount, { id });
    if (!discount)
      return { kind: 'invalid-input', issues: [{ field: 'id', message: 'no such discount' }] };
    if (discount.active) {
      discount.active = false;
      if (discount.endsAt > now) discount.endsAt = now;
      await em.flush();
    }
    return { kind: 'saved', value: discount };
  }

  async createCouponTemplate(
    em: EntityManager,
    input: z.input<typeof couponTemplateInputSchema>,
  ): Promise<AdminOutcome<CouponTemplate>> {
    const result = parseInput(couponTemplateInputSchema, input);
    if (!result.ok) return { kind: 'invalid-input', issues: result.issues };
    const template = em.create(CouponTemplate, {
      id: randomUUID(),
      ...result.data,
      maxDiscount: result.data.maxDiscount ?? null,
      code: result.data.code ?? null,
    });
    try {
      await em.persist(template).flush();
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      return {
        kind: 'invalid-input',
        issues: [{ field: 'code', message: 'another coupon has this code' }],
      };
    }
    return { kind: 'saved', value: template };
  }
}
