import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('SettlementStatement', {
  description: 'One Korean business day of the books (KRW). net = payments − refunds − PG fees.',
})
export class SettlementStatementType {
  @Field(() => String, { description: 'YYYY-MM-DD, Asia/Seoul.' }) date!: string;
  @Field(() => Int, { description: 'List prices of what was sold.' }) gross!: number;
  @Field(() => Int) productDiscounts!: number;
  @Field(() => Int) couponDiscounts!: number;
  @Field(() => Int) points!: number;
  @Field(() => Int) shipping!: number;
  @Field(() => Int, {
    description:
      'Charges the PG took that paid no order (it expired or was cancelled meanwhile), since ' +
      'voided: in payments, and their voids in refunds.',
  })
  unsoldCharges!: number;
  @Field(() => Int, {
    description:
      'What customers were charged: gross − discounts − points + shipping + unsold charges.',
  })
  payments!: number;
  @Field(() => Int, { description: 'What customers were given back (the PG’s refunds).' })
  refunds!: number;
  @Field(() => Int, {
    description: 'What returns kept of the returned lines’ value for the return trip (in refunds).',
  })
  returnFees!: number;
  @Field(() => Int, { description: 'Known once the day is reconciled with the PG.' })
  pgFees!: number;
  @Field(() => Int) net!: number;
}

// Brand belongs to the product subgraph; a statement only names it.
@ObjectType('Brand')
@Directive('@key(fields: "id", resolvable: false)')
export class BrandReference {
  @Field(() => ID)
  id!: string;
}

@ObjectType('BrandStatement', {
  description:
    'One brand’s lines on one Korean business day (KRW). Shipping, return fees, unsold charges and PG fees ' +
    'are the shop’s: the brands’ sales plus shipping and unsold charges are the day’s payments.',
})
export class BrandStatementType {
  @Field(() => String, { description: 'YYYY-MM-DD, Asia/Seoul.' }) date!: string;
  @Field(() => BrandReference, { nullable: true, description: 'Null: products without a brand.' })
  brand!: BrandReference | null;
  @Field(() => Int, { description: 'List prices of what was sold.' }) gross!: number;
  @Field(() => Int) productDiscounts!: number;
  @Field(() => Int) couponDiscounts!: number;
  @Field(() => Int) points!: number;
  @Field(() => Int, { description: 'What customers were charged for these lines.' })
  sales!: number;
  @Field(() => Int, { description: 'The value of these lines given back.' }) refunds!: number;
  @Field(() => Int, { description: 'sales − refunds.' }) net!: number;
}

@ObjectType('ReconciliationDifference')
export class ReconciliationDifferenceType {
  @Field(() => String) orderId!: string;
  @Field(() => String, { description: 'PAYMENT or REFUND.' }) kind!: string;
  @Field(() => Int) ours!: number;
  @Field(() => Int) pg!: number;
}

@ObjectType('Reconciliation', {
  description: 'A day of the books against the PG’s settlement report.',
})
export class ReconciliationType {
  @Field(() => String) date!: string;
  @Field(() => Int) ourPayments!: number;
  @Field(() => Int) pgPayments!: number;
  @Field(() => Int) ourRefunds!: number;
  @Field(() => Int) pgRefunds!: number;
  @Field(() => Int) pgFees!: number;
  @Field(() => [ReconciliationDifferenceType], {
    description: 'Empty when the books agree with the PG.',
  })
  differences!: ReconciliationDifferenceType[];
}
