import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { InvalidInput, type SubgraphContext } from '@shop/kit/server';
import type { BrandCommission } from '../domain/brand-commission.entity.js';
import type { Commissions } from '../services/commissions.js';
import { payoutsCsv, type Payouts } from '../services/payouts.js';
import { checkDates } from './dates.js';
import {
  BrandCommissionType,
  BrandPayoutType,
  PayoutSummaryType,
  SetBrandCommissionResult,
} from './payout.type.js';

const commissionOut = ({ brandId, ...rest }: BrandCommission): BrandCommissionType =>
  Object.assign(new BrandCommissionType(), { ...rest, brand: { id: brandId } });

@Resolver()
export class PayoutResolver {
  constructor(
    private readonly payouts: Payouts,
    private readonly commissions: Commissions,
  ) {}

  @Query(() => [BrandPayoutType], {
    description:
      'Admin: each brand’s payout for every payout period overlapping `from` to `to` ' +
      '(YYYY-MM-DD, inclusive; whole periods).',
  })
  async brandPayouts(
    @Arg('from', () => String) from: string,
    @Arg('to', () => String) to: string,
    @Ctx() context: SubgraphContext,
  ): Promise<BrandPayoutType[]> {
    checkDates(from, to);
    return (await this.payouts.brandPayouts(context.em, from, to)).map(
      ({ brandId, ...figures }) => ({ ...figures, brand: { id: brandId } }),
    );
  }

  @Query(() => String, {
    description:
      'Admin: brandPayouts as CSV (RFC 4180, CRLF): a header row, then one row per payout.',
  })
  async brandPayoutsCsv(
    @Arg('from', () => String) from: string,
    @Arg('to', () => String) to: string,
    @Ctx() context: SubgraphContext,
  ): Promise<string> {
    checkDates(from, to);
    return payoutsCsv(await this.payouts.brandPayouts(context.em, from, to));
  }

  @Query(() => PayoutSummaryType, {
    description:
      'Admin: the orders charged from `from` to `to` (YYYY-MM-DD, inclusive), and whose share ' +
      'of what the PG kept of them each won is.',
  })
  payoutSummary(
    @Arg('from', () => String) from: string,
    @Arg('to', () => String) to: string,
    @Ctx() context: SubgraphContext,
  ) {
    checkDates(from, to);
    return this.payouts.summary(context.em, from, to);
  }

  @Query(() => [BrandCommissionType], {
    description: 'Admin: the brands with a rate of their own; the others pay the default.',
  })
  async brandCommissions(@Ctx() context: SubgraphContext): Promise<BrandCommissionType[]> {
    return (await this.commissions.list(context.em)).map(commissionOut);
  }

  @Query(() => Int, {
    description: 'Admin: the commission rate, in basis points, of brands without one of their own.',
  })
  defaultCommissionBasisPoints(): number {
    return this.commissions.defaultRateBasisPoints;
  }

  @Mutation(() => SetBrandCommissionResult, {
    description:
      'Admin: a brand’s commission rate in basis points (0 to 10000; 1000 is 10 %), for lines ' +
      'confirmed from now on; lines already confirmed keep their rate.',
  })
  async setBrandCommission(
    @Arg('brandId', () => ID) brandId: string,
    @Arg('rateBasisPoints', () => Int) rateBasisPoints: number,
    @Ctx() context: SubgraphContext,
  ) {
    const outcome = await this.commissions.setRate(context.em, { brandId, rateBasisPoints });
    return outcome.kind === 'saved'
      ? commissionOut(outcome.value)
      : new InvalidInput(outcome.issues);
  }
}
