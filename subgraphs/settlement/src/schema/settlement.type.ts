import { Field, Int, ObjectType } from 'type-graphql';

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
  @Field(() => Int, { description: 'What customers were charged.' }) payments!: number;
  @Field(() => Int) refunds!: number;
  @Field(() => Int, { description: 'Known once the day is reconciled with the PG.' })
  pgFees!: number;
  @Field(() => Int) net!: number;
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
