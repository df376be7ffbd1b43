import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { orderStatuses, type OrderStatus } from '@shop/contracts';
import { ErrorResult } from '@shop/kit/server';
import { cancelReasons, type CancelReason } from '../domain/order.entity.js';

export const OrderStatusEnum = Object.fromEntries(orderStatuses.map((s) => [s, s])) as Record<
  OrderStatus,
  OrderStatus
>;
registerEnumType(OrderStatusEnum, {
  name: 'OrderStatus',
  description:
    'PLACING → PENDING → PAID → PREPARING → SHIPPED → DELIVERED → COMPLETED; PLACING or PENDING → FAILED; PENDING → CANCELLED; PAID → CANCELLING → CANCELLED (refunded). PLACING: stock, coupon and points are being held; not payable yet. PREPARING: claimed for shipping, no longer cancellable. CANCELLING: the refund is being made. A refunded return moves DELIVERED → PARTIALLY_RETURNED (still to be confirmed), and any delivered order → RETURNED once every unit is back.',
});

export const CancelReasonEnum = Object.fromEntries(cancelReasons.map((r) => [r, r])) as Record<
  CancelReason,
  CancelReason
>;
registerEnumType(CancelReasonEnum, { name: 'OrderCancelReason' });

// Owned by product; the router fetches their fields from there.
@ObjectType('Sku')
@Directive('@key(fields: "id", resolvable: false)')
export class SkuReference {
  @Field(() => ID)
  id!: string;
}

@ObjectType('Product')
@Directive('@key(fields: "id", resolvable: false)')
export class ProductReference {
  @Field(() => ID)
  id!: string;
}

@ObjectType('OrderLineOption')
export class OrderLineOption {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  value!: string;
}

@ObjectType('ShippingAddress')
export class ShippingAddressType {
  @Field(() => String)
  recipient!: string;

  @Field(() => String)
  phone!: string;

  @Field(() => String)
  postalCode!: string;

  @Field(() => String)
  line1!: string;

  @Field(() => String, { nullable: true })
  line2!: string | null;
}

@ObjectType('OrderLine', { description: 'One SKU of an order, with what it cost after discounts.' })
export class OrderLineType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'The name when ordered.' })
  productName!: string;

  @Field(() => Int)
  quantity!: number;

  @Field(() => Int, { description: 'List price per unit, KRW.' })
  unitPrice!: number;

  @Field(() => Int, { description: 'Price per unit after the product discount.' })
  salePrice!: number;

  @Field(() => Int)
  productDiscount!: number;

  @Field(() => Int, { description: 'This line’s share of the coupon.' })
  couponDiscount!: number;

  @Field(() => Int, { description: 'This line’s share of the points.' })
  pointsUsed!: number;

  @Field(() => Int, { description: 'What was paid for this line.' })
  paidAmount!: number;

  @Field(() => Int, { description: 'Units returned and refunded.' })
  returnedQuantity!: number;

  @Field(() => Int, { description: 'The value of the returned units given back, KRW.' })
  refundedAmount!: number;
}

@ObjectType('Order')
@Directive('@key(fields: "id")')
export class OrderType {
  @Field(() => ID)
  id!: string;

  @Field(() => OrderStatusEnum)
  status!: OrderStatus;

  @Field(() => String, { description: 'e.g. "남성 반팔 티셔츠 외 2건".' })
  orderName!: string;

  @Field(() => Int, { description: 'List prices × quantities, KRW.' })
  subtotal!: number;

  @Field(() => Int)
  productDiscount!: number;

  @Field(() => Int)
  couponDiscount!: number;

  @Field(() => Int)
  pointsUsed!: number;

  @Field(() => Int)
  shippingFee!: number;

  @Field(() => Int, { description: 'What is charged: subtotal − discounts − points + shipping.' })
  totalAmount!: number;

  @Field(() => ShippingAddressType)
  shippingAddress!: ShippingAddressType;

  @Field(() => String, { nullable: true, description: 'Why a FAILED order failed.' })
  failureReason!: string | null;

  @Field(() => CancelReasonEnum, { nullable: true })
  cancelReason!: CancelReason | null;

  @Field(() => Int, {
    description: 'What the PG gave back: a cancellation’s refund and the returns’ refunds.',
  })
  refundedAmount!: number;

  @Field(() => Int, {
    description:
      'Returns asked for and not yet closed; the purchase cannot be confirmed meanwhile.',
  })
  openReturns!: number;

  @Field(() => Date, { description: 'An unpaid order is cancelled at this time.' })
  expiresAt!: Date;

  @Field(() => Date, { nullable: true })
  paidAt!: Date | null;

  @Field(() => Date, { nullable: true })
  deliveredAt!: Date | null;

  @Field(() => Date, { nullable: true })
  completedAt!: Date | null;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType('OrderStatusChange', { description: 'A status the order moved to, and why.' })
export class OrderStatusChangeType {
  @Field(() => OrderStatusEnum)
  status!: OrderStatus;

  @Field(() => String, {
    description:
      'What moved it, e.g. createOrder, PaymentApproved, ShipmentShipped, ReturnRefunded.',
  })
  cause!: string;

  @Field(() => Date)
  createdAt!: Date;
}

@ObjectType('OrderConnection')
export class OrderConnection {
  @Field(() => [OrderType])
  nodes!: OrderType[];

  @Field(() => String, { nullable: true })
  endCursor!: string | null;

  @Field(() => Boolean)
  hasNextPage!: boolean;
}

@ObjectType('OrderStatusCount', { description: 'How many orders are in a status.' })
export class OrderStatusCountType {
  @Field(() => OrderStatusEnum)
  status!: OrderStatus;

  @Field(() => Int)
  count!: number;
}

@ObjectType('User')
@Directive('@key(fields: "id")')
export class UserWithOrders {
  @Field(() => ID)
  id!: string;
}

@ObjectType('OutOfStock', { implements: ErrorResult })
export class OutOfStock extends ErrorResult {
  @Field(() => ID)
  skuId: string;

  @Field(() => Int)
  requested: number;

  @Field(() => Int)
  available: number;

  constructor(skuId: string, requested: number, available: number) {
    super('OUT_OF_STOCK', available > 0 ? `Only ${available} left.` : 'This item is sold out.');
    this.skuId = skuId;
    this.requested = requested;
    this.available = available;
  }
}

@ObjectType('ProductUnavailable', {
  implements: ErrorResult,
  description: 'Not on sale, or no longer exists.',
})
export class ProductUnavailable extends ErrorResult {
  @Field(() => [ID])
  skuIds: string[];

  constructor(skuIds: string[]) {
    super('PRODUCT_UNAVAILABLE', 'Some items are no longer on sale.');
    this.skuIds = skuIds;
  }
}

@ObjectType('CouponInvalid', { implements: ErrorResult })
export class CouponInvalid extends ErrorResult {
  @Field(() => ID)
  couponId: string;

  @Field(() => String, { description: 'e.g. EXPIRED, ALREADY_USED, MINIMUM_NOT_MET.' })
  reason: string;

  constructor(couponId: string, reason: string) {
    super('COUPON_INVALID', `This coupon cannot be used (${reason}).`);
    this.couponId = couponId;
    this.reason = reason;
  }
}

@ObjectType('InsufficientPoints', { implements: ErrorResult })
export class InsufficientPoints extends ErrorResult {
  @Field(() => Int)
  requested: number;

  @Field(() => Int)
  balance: number;

  constructor(requested: number, balance: number) {
    super('INSUFFICIENT_POINTS', `You have ${balance} points.`);
    this.requested = requested;
    this.balance = balance;
  }
}

@ObjectType('OrderNotCancellable', { implements: ErrorResult })
export class OrderNotCancellable extends ErrorResult {
  @Field(() => OrderStatusEnum)
  status: OrderStatus;

  constructor(status: OrderStatus) {
    super(
      'ORDER_NOT_CANCELLABLE',
      `An order that is ${status} cannot be cancelled; request a return instead.`,
    );
    this.status = status;
  }
}

@ObjectType('OrderNotDelivered', { implements: ErrorResult })
export class OrderNotDelivered extends ErrorResult {
  @Field(() => OrderStatusEnum)
  status: OrderStatus;

  constructor(status: OrderStatus) {
    super('ORDER_NOT_DELIVERED', `Only a delivered order can be confirmed; this one is ${status}.`);
    this.status = status;
  }
}

@ObjectType('ReturnOpen', { implements: ErrorResult })
export class ReturnOpen extends ErrorResult {
  @Field(() => Int)
  openReturns: number;

  constructor(openReturns: number) {
    super(
      'RETURN_OPEN',
      'A return of this order is under way; the purchase can be confirmed once it is closed.',
    );
    this.openReturns = openReturns;
  }
}

@ObjectType('OrderNotFound', { implements: ErrorResult })
export class OrderNotFound extends ErrorResult {
  constructor() {
    super('ORDER_NOT_FOUND', 'No such order.');
  }
}
