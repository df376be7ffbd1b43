import { Field, Int, ObjectType } from 'type-graphql';
import { createResultUnion, InvalidInput } from '@shop/kit/server';
import { BrandReference } from './settlement.type.js';

@ObjectType('BrandPayout', {
  description:
    'What the shop pays one brand for one payout period (KRW): its lines confirmed (구매확정) in ' +
    'the period, less refunds in the period of lines confirmed before, less commission. ' +
    'payout = confirmedSales − refundsAfterConfirmation − commission.',
})
export class BrandPayoutType {
  @Field(() => String, { description: 'First day of the period, YYYY-MM-DD, Asia/Seoul.' })
  periodStart!: string;
  @Field(() => String, { description: 'Last day of the period, inclusive.' })
  periodEnd!: string;
  @Field(() => BrandReference) brand!: BrandReference;
  @Field(() => Int, {
    description: 'What the PG kept for the lines confirmed in the period (never more).',
  })
  confirmedSales!: number;
  @Field(() => Int, {
    description: 'Refunds in the period of lines confirmed before it or in it, as a positive sum.',
  })
  refundsAfterConfirmation!: number;
  @Field(() => Int, {
    description: 'The shop’s commission on both, at each line’s rate when it was confirmed.',
  })
  commission!: number;
  @Field(() => Int) payout!: number;
}

@ObjectType('PayoutSummary', {
  description:
    'The orders the PG charged from `from` to `to` (Korean business days), as they stand now, ' +
    'with what the PG kept of them split by whom it belongs to: payouts + commission + ' +
    'ownProducts + notYetConfirmed + shopOwn = pgPayments − pgRefunds. Counted by order, not by ' +
    'payout period: an order paid in the range is in it whenever it is confirmed.',
})
export class PayoutSummaryType {
  @Field(() => String) from!: string;
  @Field(() => String) to!: string;
  @Field(() => Int, { description: 'Orders (and voided charges) the PG charged in the range.' })
  orders!: number;
  @Field(() => Int, { description: 'What the PG charged for them.' }) pgPayments!: number;
  @Field(() => Int, { description: 'What the PG has given back for them, so far.' })
  pgRefunds!: number;
  @Field(() => Int, {
    description:
      'Owed to brands for their confirmed lines, net of refunds after confirmation and commission.',
  })
  payouts!: number;
  @Field(() => Int, { description: 'The shop’s commission on those lines.' }) commission!: number;
  @Field(() => Int, {
    description: 'Confirmed lines of products without a brand: the shop’s own, not paid out.',
  })
  ownProducts!: number;
  @Field(() => Int, {
    description: 'What the PG kept for the lines of orders not yet confirmed (구매확정).',
  })
  notYetConfirmed!: number;
  @Field(() => Int, {
    description:
      'No line’s, the shop’s: shipping less shipping refunded, return fees, unsold charges less ' +
      'their voids.',
  })
  shopOwn!: number;
}

@ObjectType('BrandCommission', { description: 'A brand’s own commission rate.' })
export class BrandCommissionType {
  @Field(() => BrandReference) brand!: BrandReference;
  @Field(() => Int, { description: 'Basis points: 1000 is 10 %.' }) rateBasisPoints!: number;
  @Field(() => Date) updatedAt!: Date;
}

export const SetBrandCommissionResult = createResultUnion({
  name: 'SetBrandCommissionResult',
  types: () => [BrandCommissionType, InvalidInput] as const,
});
