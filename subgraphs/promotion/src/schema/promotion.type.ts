import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { errorResultWithCodes } from '@shop/kit/server';
import { couponStatuses, type CouponStatus } from '../domain/coupon.entity.js';
import { amountKinds, discountTargets, type AmountKind } from '../domain/discount.entity.js';

export const AmountKindEnum = Object.fromEntries(amountKinds.map((k) => [k, k])) as Record<
  AmountKind,
  AmountKind
>;
registerEnumType(AmountKindEnum, { name: 'AmountKind', description: 'RATE: percent. FIXED: won.' });
export const DiscountTargetEnum = Object.fromEntries(discountTargets.map((t) => [t, t])) as Record<
  (typeof discountTargets)[number],
  (typeof discountTargets)[number]
>;
registerEnumType(DiscountTargetEnum, { name: 'DiscountTarget' });
export const CouponStatusEnum = Object.fromEntries(couponStatuses.map((s) => [s, s])) as Record<
  CouponStatus,
  CouponStatus
>;
registerEnumType(CouponStatusEnum, { name: 'CouponStatus' });

export const DiscountStatusEnum = { ACTIVE: 'ACTIVE', SCHEDULED: 'SCHEDULED', ENDED: 'ENDED' };
registerEnumType(DiscountStatusEnum, {
  name: 'DiscountStatus',
  description: 'ACTIVE: running now. SCHEDULED: starts later. ENDED: over or ended early.',
});

@ObjectType('Discount', {
  description:
    'A price cut on a product or category for a period. Per SKU only the best one applies.',
})
export class DiscountType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => DiscountTargetEnum) target!: string;
  @Field(() => ID) targetId!: string;
  @Field(() => AmountKindEnum) kind!: AmountKind;
  @Field(() => Int) value!: number;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType('CouponTemplate', {
  description:
    'A coupon applies to the already-discounted subtotal and never takes an order below zero.',
})
export class CouponTemplateType {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => AmountKindEnum) kind!: AmountKind;
  @Field(() => Int) value!: number;
  @Field(() => Int) minOrderAmount!: number;
  @Field(() => Int, { nullable: true, description: 'Caps a RATE coupon.' }) maxDiscount!:
    number | null;
  @Field(() => Date) validFrom!: Date;
  @Field(() => Date) validUntil!: Date;
  @Field(() => Int) totalLimit!: number;
  @Field(() => Int) perCustomerLimit!: number;
  @Field(() => Int) issuedCount!: number;
  @Field(() => Boolean, { description: 'Customers may claim it themselves.' }) claimable!: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'Staff: what a customer types to claim it, offered or not.',
  })
  code!: string | null;
}

@ObjectType('Coupon')
export class CouponType {
  @Field(() => ID) id!: string;
  @Field(() => CouponStatusEnum) status!: CouponStatus;
  @Field(() => Date) issuedAt!: Date;
  @Field(() => Date, { nullable: true }) usedAt!: Date | null;
}

@ObjectType('QuoteLine')
export class QuoteLineType {
  @Field(() => ID) skuId!: string;
  @Field(() => String) productName!: string;
  @Field(() => Int) quantity!: number;
  @Field(() => Int) unitPrice!: number;
  @Field(() => Int) salePrice!: number;
  @Field(() => Int) productDiscount!: number;
  @Field(() => Int) couponDiscount!: number;
  @Field(() => Int) lineTotal!: number;
}

@ObjectType('CartQuote', { description: 'The price of a cart now, before shipping and points.' })
export class CartQuoteType {
  @Field(() => [QuoteLineType]) lines!: QuoteLineType[];
  @Field(() => Int) subtotal!: number;
  @Field(() => Int) productDiscount!: number;
  @Field(() => Int) couponDiscount!: number;
  @Field(() => Int) total!: number;
  @Field(() => Boolean, { nullable: true, description: 'Whether the coupon asked for applies.' })
  couponApplied!: boolean | null;
  @Field(() => String, { nullable: true }) couponRejection!: string | null;
  @Field(() => [ID]) unavailableSkuIds!: string[];
}

@ObjectType('User')
@Directive('@key(fields: "id")')
export class UserWithCoupons {
  @Field(() => ID) id!: string;
}

@ObjectType('Sku')
@Directive('@key(fields: "id")')
export class SkuWithSalePrice {
  @Field(() => ID) id!: string;

  @Field(() => Int)
  @Directive('@external')
  price!: number;

  @Field(() => ID)
  @Directive('@external')
  productId!: string;

  @Field(() => [ID])
  @Directive('@external')
  categoryIds!: string[];
}

export const CouponNotIssued = errorResultWithCodes('CouponNotIssued', [
  'TEMPLATE_NOT_FOUND',
  'NOT_CLAIMABLE',
  'NOT_STARTED',
  'EXPIRED',
  'SOLD_OUT',
  'PER_CUSTOMER_LIMIT',
]);

@InputType()
export class CreateDiscountInput {
  @Field(() => String) name!: string;
  @Field(() => DiscountTargetEnum) target!: 'PRODUCT' | 'CATEGORY';
  @Field(() => ID) targetId!: string;
  @Field(() => AmountKindEnum) kind!: AmountKind;
  @Field(() => Int) value!: number;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
}

@InputType({ description: 'Fields left out keep their value.' })
export class UpdateDiscountInput {
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => AmountKindEnum, { nullable: true }) kind?: AmountKind;
  @Field(() => Int, { nullable: true }) value?: number;
  @Field(() => Date, { nullable: true }) startsAt?: Date;
  @Field(() => Date, { nullable: true }) endsAt?: Date;
}

@InputType()
export class CreateCouponTemplateInput {
  @Field(() => String) name!: string;
  @Field(() => AmountKindEnum) kind!: AmountKind;
  @Field(() => Int) value!: number;
  @Field(() => Int, { nullable: true }) minOrderAmount?: number;
  @Field(() => Int, { nullable: true }) maxDiscount?: number | null;
  @Field(() => Date) validFrom!: Date;
  @Field(() => Date) validUntil!: Date;
  @Field(() => Int) totalLimit!: number;
  @Field(() => Int, { nullable: true }) perCustomerLimit?: number;
  @Field(() => Boolean, { nullable: true }) claimable?: boolean;
  @Field(() => String, {
    nullable: true,
    description: '4 to 20 letters, digits or dashes, any case; unique.',
  })
  code?: string | null;
}

@InputType()
export class QuoteLineInput {
  @Field(() => ID) skuId!: string;
  @Field(() => Int) quantity!: number;
}
