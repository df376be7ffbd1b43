import { Field, ID, InputType, Int } from 'type-graphql';
import type { OrderStatus } from '@shop/contracts';
import { OrderStatusEnum } from './order.type.js';

@InputType()
export class OrderLineInput {
  @Field(() => ID)
  skuId!: string;

  @Field(() => Int)
  quantity!: number;
}

@InputType()
export class ShippingAddressInput {
  @Field(() => String)
  recipient!: string;

  @Field(() => String)
  phone!: string;

  @Field(() => String, { description: '5-digit Korean postal code.' })
  postalCode!: string;

  @Field(() => String)
  line1!: string;

  @Field(() => String, { nullable: true })
  line2?: string | null;
}

@InputType()
export class CreateOrderInput {
  @Field(() => [OrderLineInput])
  lines!: OrderLineInput[];

  @Field(() => ID, { nullable: true })
  couponId?: string | null;

  @Field(() => Int, { nullable: true, description: '1 point = ₩1.' })
  pointsToUse?: number;

  @Field(() => ShippingAddressInput)
  shippingAddress!: ShippingAddressInput;

  @Field(() => String, {
    description: 'A key the client makes per checkout: retrying with it returns the first order.',
  })
  idempotencyKey!: string;
}

@InputType()
export class AdminOrderFilter {
  @Field(() => OrderStatusEnum, { nullable: true })
  status?: OrderStatus | null;

  @Field(() => ID, { nullable: true })
  userId?: string | null;
}
