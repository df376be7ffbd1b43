import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { InvalidInput } from '@shop/kit/server';
import type { CheckoutQuotes } from '../services/checkout-quote.js';
import { OrderLineInput } from './inputs.js';
import type { OrderContext } from './loaders.js';
import { customerId } from './order.resolver.js';
import { CheckoutQuoteResult } from './results.js';

@Resolver()
export class CheckoutQuoteResolver {
  constructor(private readonly checkoutQuotes: CheckoutQuotes) {}

  @Query(() => CheckoutQuoteResult, {
    description:
      'What your cart costs if ordered now: prices, coupon, shipping, points and the amount to pay, as createOrder would record them.',
  })
  async checkoutQuote(
    @Arg('lines', () => [OrderLineInput]) lines: OrderLineInput[],
    @Arg('couponId', () => ID, { nullable: true }) couponId: string | null,
    @Arg('pointsToUse', () => Int, { defaultValue: 0, description: '1 point = ₩1.' })
    pointsToUse: number,
    @Ctx() context: OrderContext,
  ) {
    const outcome = await this.checkoutQuotes.quote(customerId(context), {
      lines,
      couponId,
      pointsToUse,
    });
    if (outcome.kind === 'invalid-input') return new InvalidInput(outcome.issues);
    const { quote, charge } = outcome;
    return {
      ...quote,
      ...charge,
      couponApplied: quote.coupon?.applied ?? null,
      couponRejection: quote.coupon?.rejection ?? null,
    };
  }
}
