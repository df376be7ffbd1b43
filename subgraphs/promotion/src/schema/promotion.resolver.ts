import {
  Arg,
  Ctx,
  Directive,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { createResultUnion, InvalidInput, noteBefore, userIdOf } from '@shop/kit/server';
import { CouponTemplate } from '../domain/coupon-template.entity.js';
import { Coupon, couponStatuses, type CouponStatus } from '../domain/coupon.entity.js';
import { claimableTemplates } from '../services/claimable-templates.js';
import type { CouponBook, IssueOutcome } from '../services/coupon-book.js';
import { unitDiscount, type DiscountedSku } from '../services/pricing.js';
import { Discount } from '../domain/discount.entity.js';
import { discountStatus, type PromotionAdmin } from '../services/promotion-admin.js';
import { parseQuoteRequest, type Quotes } from '../services/quotes.js';
import { usableCoupons } from '../services/usable-coupons.js';
import type { PromotionContext } from './loaders.js';
import {
  CartQuoteType,
  CouponNotIssued,
  CouponStatusEnum,
  CouponTemplateType,
  CouponType,
  CreateCouponTemplateInput,
  CreateDiscountInput,
  DiscountStatusEnum,
  DiscountType,
  QuoteLineInput,
  SkuWithSalePrice,
  UpdateDiscountInput,
  UserWithCoupons,
} from './promotion.type.js';

const DiscountResult = createResultUnion({
  name: 'DiscountResult',
  types: () => [DiscountType, InvalidInput] as const,
});
const CouponTemplateResult = createResultUnion({
  name: 'CouponTemplateResult',
  types: () => [CouponTemplateType, InvalidInput] as const,
});
const QuoteResult = createResultUnion({
  name: 'QuoteResult',
  types: () => [CartQuoteType, InvalidInput] as const,
});
const IssueCouponResult = createResultUnion({
  name: 'IssueCouponResult',
  types: () => [CouponType, CouponNotIssued] as const,
});

function signedIn(context: PromotionContext): string {
  if (context.identity.kind !== 'user')
    throw new Error('permission rules let an anonymous caller through');
  return context.identity.userId;
}

function issued(outcome: IssueOutcome) {
  switch (outcome.kind) {
    case 'issued':
      return outcome.coupon;
    case 'template-not-found':
      return new CouponNotIssued('TEMPLATE_NOT_FOUND', 'No such coupon.');
    case 'not-claimable':
      return new CouponNotIssued('NOT_CLAIMABLE', 'This coupon is issued by the shop only.');
    case 'not-started':
      return new CouponNotIssued(
        'NOT_STARTED',
        `This coupon can be claimed from ${outcome.startsAt.toISOString()}.`,
      );
    case 'expired':
      return new CouponNotIssued('EXPIRED', 'This coupon has expired.');
    case 'sold-out':
      return new CouponNotIssued('SOLD_OUT', 'All of these coupons have been given out.');
    case 'per-customer-limit':
      return new CouponNotIssued('PER_CUSTOMER_LIMIT', `At most ${outcome.limit} per customer.`);
  }
}

@Resolver()
export class PromotionResolver {
  constructor(
    private readonly admin: PromotionAdmin,
    private readonly coupons: CouponBook,
    private readonly quotes: Quotes,
  ) {}

  @Query(() => QuoteResult, {
    description:
      'The price of your cart now, with a coupon if you give one. 1 to 100 lines, one per SKU, each of 1 to 1000 units.',
  })
  async quote(
    @Arg('lines', () => [QuoteLineInput]) lines: QuoteLineInput[],
    @Arg('couponId', () => ID, { nullable: true }) couponId: string | null,
    @Ctx() context: PromotionContext,
  ) {
    const request = parseQuoteRequest({ userId: signedIn(context), lines, couponId });
    if (!request.ok) return new InvalidInput(request.issues);
    const quote = await this.quotes.quote(context.em, request.data);
    return {
      ...quote,
      couponApplied: quote.coupon?.applied ?? null,
      couponRejection: quote.coupon?.rejection ?? null,
    };
  }

  @Query(() => [CouponTemplateType], {
    description:
      'Coupons you may claim now (valid, not all given out, and signed in: not already held up to your limit), ending soonest first.',
  })
  claimableCoupons(@Ctx() context: PromotionContext) {
    return claimableTemplates(context.em, userIdOf(context.identity));
  }

  @Query(() => [CouponTemplateType], { description: 'Admin: every coupon, newest first.' })
  couponTemplates(@Ctx() context: PromotionContext) {
    return context.em.find(
      CouponTemplate,
      {},
      { orderBy: { validFrom: 'desc', id: 'asc' }, limit: 200 },
    );
  }

  @Mutation(() => DiscountResult, { description: 'Admin.' })
  async createDiscount(
    @Arg('input', () => CreateDiscountInput) input: CreateDiscountInput,
    @Ctx() context: PromotionContext,
  ) {
    const outcome = await this.admin.createDiscount(context.em, input);
    return outcome.kind === 'saved' ? outcome.value : new InvalidInput(outcome.issues);
  }

  @Query(() => [DiscountType], {
    description: 'Admin: every discount (running, scheduled, ended), newest first.',
  })
  discounts(@Ctx() context: PromotionContext) {
    return this.admin.listDiscounts(context.em);
  }

  @Mutation(() => DiscountResult, {
    description:
      "Admin: change a discount's name, amount or period. Quotes follow at once. An ended discount cannot be changed.",
  })
  async updateDiscount(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateDiscountInput) input: UpdateDiscountInput,
    @Ctx() context: PromotionContext,
  ) {
    noteBefore(context, await context.em.findOne(Discount, { id }));
    const outcome = await this.admin.updateDiscount(context.em, id, input);
    return outcome.kind === 'saved' ? outcome.value : new InvalidInput(outcome.issues);
  }

  @Mutation(() => DiscountResult, {
    description:
      'Admin: end a discount now (quotes follow at once). Ending it again changes nothing.',
  })
  async endDiscount(@Arg('id', () => ID) id: string, @Ctx() context: PromotionContext) {
    noteBefore(context, await context.em.findOne(Discount, { id }));
    const outcome = await this.admin.endDiscount(context.em, id);
    return outcome.kind === 'saved' ? outcome.value : new InvalidInput(outcome.issues);
  }

  @Mutation(() => CouponTemplateResult, { description: 'Admin.' })
  async createCouponTemplate(
    @Arg('input', () => CreateCouponTemplateInput) input: CreateCouponTemplateInput,
    @Ctx() context: PromotionContext,
  ) {
    const outcome = await this.admin.createCouponTemplate(context.em, input);
    return outcome.kind === 'saved' ? outcome.value : new InvalidInput(outcome.issues);
  }

  @Mutation(() => IssueCouponResult, { description: 'Admin: give a customer a coupon.' })
  async issueCoupon(
    @Arg('templateId', () => ID) templateId: string,
    @Arg('userId', () => ID) userId: string,
    @Ctx() context: PromotionContext,
  ) {
    return issued(await this.coupons.issue(context.em, templateId, userId, 'admin'));
  }

  @Mutation(() => IssueCouponResult, { description: 'Claim a coupon the shop offers to everyone.' })
  async claimCoupon(
    @Arg('templateId', () => ID) templateId: string,
    @Ctx() context: PromotionContext,
  ) {
    return issued(await this.coupons.issue(context.em, templateId, signedIn(context), 'customer'));
  }

  @Mutation(() => IssueCouponResult, {
    description: 'Claim a coupon by the code the shop gave out (any case).',
  })
  async claimCouponCode(@Arg('code', () => String) code: string, @Ctx() context: PromotionContext) {
    return issued(await this.coupons.claimByCode(context.em, code, signedIn(context)));
  }
}

@Resolver(() => DiscountType)
export class DiscountResolver {
  @FieldResolver(() => DiscountStatusEnum)
  status(@Root() discount: Discount) {
    return discountStatus(discount);
  }
}

@Resolver(() => CouponType)
export class CouponResolver {
  @FieldResolver(() => CouponTemplateType)
  template(@Root() coupon: Coupon, @Ctx() context: PromotionContext) {
    return context.em.findOneOrFail(CouponTemplate, { id: coupon.templateId });
  }
}

@Resolver(() => UserWithCoupons)
export class UserCouponsResolver {
  @FieldResolver(() => [CouponType], { description: 'Your coupons, newest first.' })
  async coupons(
    @Root() user: { id: string },
    @Arg('status', () => CouponStatusEnum, { nullable: true }) status: CouponStatus | null,
    @Arg('usable', () => Boolean, {
      nullable: true,
      description:
        'Only those an order could use now: issued or restored, and valid now (with `status`, both apply).',
    })
    usable: boolean | null,
    @Ctx() context: PromotionContext,
  ) {
    if (usable) {
      const coupons = await usableCoupons(context.em, user.id);
      return status ? coupons.filter((coupon) => coupon.status === status) : coupons;
    }
    return context.em.find(
      Coupon,
      { userId: user.id, status: status ?? { $in: [...couponStatuses] } },
      { orderBy: { issuedAt: 'desc' } },
    );
  }
}

@Resolver(() => SkuWithSalePrice)
export class SkuSalePriceResolver {
  @FieldResolver(() => Int, {
    description: 'Price after the best product or category discount running now (KRW).',
  })
  // Product's own fetch brings what a discount may target, so a page costs promotion no call back.
  @Directive('@requires(fields: "price productId categoryIds")')
  async salePrice(@Root() sku: DiscountedSku, @Ctx() context: PromotionContext) {
    const { runningDiscounts } = context.loaders;
    const discounts = await Promise.all(
      [sku.productId, ...sku.categoryIds].map((targetId) => runningDiscounts.load(targetId)),
    );
    return sku.price - unitDiscount(sku, discounts.flat());
  }
}
