import { Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ErrorResult, type ErrorCode } from '@shop/kit/server';
import { paymentStatuses, type PaymentStatus } from '../domain/payment.entity.js';

export const PaymentStatusEnum = Object.fromEntries(paymentStatuses.map((s) => [s, s])) as Record<
  PaymentStatus,
  PaymentStatus
>;
registerEnumType(PaymentStatusEnum, {
  name: 'PaymentStatus',
  description: 'READY → APPROVED → PARTIALLY_CANCELLED → CANCELLED; READY → FAILED.',
});

@ObjectType('Payment', { description: 'The PG payment of an order.' })
@Directive('@key(fields: "id")')
export class PaymentType {
  @Field(() => ID)
  id!: string;

  @Field(() => PaymentStatusEnum)
  status!: PaymentStatus;

  @Field(() => Int, { description: 'Charged, KRW.' })
  amount!: number;

  @Field(() => Int, { description: 'Refunded so far.' })
  cancelledAmount!: number;

  @Field(() => String, { nullable: true })
  method!: string | null;

  @Field(() => String, { nullable: true })
  failureCode!: string | null;

  @Field(() => String, { nullable: true })
  failureMessage!: string | null;

  @Field(() => Date, { nullable: true })
  approvedAt!: Date | null;
}

@ObjectType('Order')
@Directive('@key(fields: "id")')
export class OrderWithPayment {
  @Field(() => ID)
  id!: string;
}

@ObjectType('PaymentFailed', {
  implements: ErrorResult,
  description:
    'The payment did not go through and nothing was charged (or it was refunded). errorCode: e.g. AMOUNT_MISMATCH, PG_REJECT_CARD_PAYMENT, ORDER_NOT_PAYABLE.',
})
export class PaymentFailed extends ErrorResult {
  @Field(() => PaymentType, { nullable: true })
  payment: Pick<PaymentType, 'id' | 'status'> | null;

  constructor(
    code: ErrorCode,
    message: string,
    payment: Pick<PaymentType, 'id' | 'status'> | null,
  ) {
    super(code, message);
    this.payment = payment;
  }
}

@InputType()
export class ConfirmPaymentInput {
  @Field(() => ID)
  orderId!: string;

  @Field(() => String, { description: 'From the PG’s success redirect.' })
  paymentKey!: string;

  @Field(() => Int, {
    description: 'From the PG’s success redirect; must equal the order’s amount.',
  })
  amount!: number;
}
