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

@InputType({ description: 'Every criterion given must hold.' })
export class AdminOrderFilter {
  @Field(() => OrderStatusEnum, { nullable: true })
  status?: OrderStatus | null;

  @Field(() => [OrderStatusEnum], { nullable: true, description: 'Any of these statuses.' })
  statuses?: OrderStatus[] | null;

  @Field(() => ID, { nullable: true })
  userId?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      'Orders of any of these customers: find them by name or email with `users` first (the name lives in the user service).',
  })
  userIds?: string[] | null;

  @Field(() => String, { nullable: true, description: 'The order id, or its first characters.' })
  orderNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Part of a product name, as ordered.' })
  productName?: string | null;

  @Field(() => Date, { nullable: true, description: 'Placed at or after.' })
  createdFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Placed before.' })
  createdBefore?: Date | null;
}
