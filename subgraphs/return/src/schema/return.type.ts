import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { errorResultWithCodes } from '@shop/kit/server';
import {
  returnReasons,
  returnStatuses,
  returnTypes,
  type ReturnReason,
  type ReturnStatus,
  type ReturnType as ReturnKind,
} from '../domain/return.entity.js';

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((value) => [value, value])) as Record<T, T>;

export const ReturnTypeEnum = enumOf(returnTypes);
registerEnumType(ReturnTypeEnum, {
  name: 'ReturnType',
  description: 'RETURN: refund. EXCHANGE: another SKU of the product.',
});
export const ReturnReasonEnum = enumOf(returnReasons);
registerEnumType(ReturnReasonEnum, {
  name: 'ReturnReason',
  description:
    'CHANGED_MIND returns pay the return trip (deducted from the refund); the others are free.',
});
export const ReturnStatusEnum = enumOf(returnStatuses);
registerEnumType(ReturnStatusEnum, {
  name: 'ReturnStatus',
  description:
    'REQUESTED → APPROVED | REJECTED → COLLECTING → RECEIVED → REFUNDED (return) | RESHIPPED (exchange).',
});

@ObjectType('ReturnLine')
export class ReturnLineType {
  @Field(() => ID) orderLineId!: string;
  @Field(() => Int) quantity!: number;
  @Field(() => Int, { description: 'What this line refunds (before a return-trip fee).' })
  refundAmount!: number;
  @Field(() => ID, { nullable: true }) exchangeSkuId!: string | null;
}

@ObjectType('Return')
@Directive('@key(fields: "id")')
export class ReturnObjectType {
  @Field(() => ID) id!: string;
  @Field(() => ID) orderId!: string;
  @Field(() => ReturnTypeEnum) type!: ReturnKind;
  @Field(() => ReturnReasonEnum) reason!: ReturnReason;
  @Field(() => ReturnStatusEnum) status!: ReturnStatus;
  @Field(() => Int, { description: 'The return trip, deducted from the refund.' })
  shippingFee!: number;
  @Field(() => Int) refundedAmount!: number;
  @Field(() => String, { nullable: true }) pickupTrackingNumber!: string | null;
  @Field(() => String, { nullable: true }) reshipTrackingNumber!: string | null;
  @Field(() => Date) createdAt!: Date;
}

@ObjectType('Order')
@Directive('@key(fields: "id")')
export class OrderWithReturns {
  @Field(() => ID) id!: string;
}

@ObjectType('ReturnStatusCount', { description: 'How many returns and exchanges are in a status.' })
export class ReturnStatusCountType {
  @Field(() => ReturnStatusEnum) status!: ReturnStatus;
  @Field(() => Int) count!: number;
}

@ObjectType('ReturnConnection')
export class ReturnConnection {
  @Field(() => [ReturnObjectType]) nodes!: ReturnObjectType[];
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page.' })
  endCursor!: string | null;
  @Field(() => Boolean) hasNextPage!: boolean;
}

export const ReturnNotPossible = errorResultWithCodes('ReturnNotPossible', [
  'RETURN_NOT_FOUND',
  'WRONG_STATUS',
  'NOT_RETURNABLE',
]);

@InputType()
export class ReturnLineInput {
  @Field(() => ID) orderLineId!: string;
  @Field(() => Int) quantity!: number;
  @Field(() => ID, { nullable: true, description: 'Exchanges: the SKU wanted instead.' })
  exchangeSkuId?: string | null;
}

@InputType()
export class RequestReturnInput {
  @Field(() => ID) orderId!: string;
  @Field(() => ReturnTypeEnum) type!: ReturnKind;
  @Field(() => ReturnReasonEnum) reason!: ReturnReason;
  @Field(() => [ReturnLineInput]) lines!: ReturnLineInput[];
}

@InputType({ description: 'Units of one line an admin refunds on the customer’s behalf.' })
export class AdminRefundLineInput {
  @Field(() => ID) orderId!: string;
  @Field(() => ID) orderLineId!: string;
  @Field(() => Int) quantity!: number;
  @Field(() => ReturnReasonEnum) reason!: ReturnReason;
  @Field(() => String, {
    description: 'One per refund the admin means: a retry with it refunds nothing twice.',
  })
  idempotencyKey!: string;
}
