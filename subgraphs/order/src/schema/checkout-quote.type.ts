import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('CheckoutQuoteLine', {
  description: 'One line of a checkout quote, as it is priced now.',
})
export class CheckoutQuoteLineType {
  @Field(() => ID) skuId!: string;
  @Field(() => String) productName!: string;
  @Field(() => Int) quantity!: number;
  @Field(() => Int, { description: 'List price per unit, KRW.' }) unitPrice!: number;
  @Field(() => Int, { description: 'Price per unit after the product discount.' })
  salePrice!: number;
  @Field(() => Int) productDiscount!: number;
  @Field(() => Int, { description: 'This line’s share of the coupon.' }) couponDiscount!: number;
  @Field(() => Int, { description: 'After the product discount and the coupon.' })
  lineTotal!: number;
}

@ObjectType('CheckoutQuote', {
  description:
    'What the cart costs if ordered now, shipping and points included: createOrder records these very figures.',
})
export class CheckoutQuoteType {
  @Field(() => [CheckoutQuoteLineType]) lines!: CheckoutQuoteLineType[];
  @Field(() => Int, { description: 'List prices × quantities, KRW.' }) subtotal!: number;
  @Field(() => Int) productDiscount!: number;
  @Field(() => Int) couponDiscount!: number;
  @Field(() => Int, { description: 'The goods: subtotal − discounts, before shipping and points.' })
  total!: number;
  @Field(() => Boolean, { nullable: true, description: 'Whether the coupon asked for applies.' })
  couponApplied!: boolean | null;
  @Field(() => String, { nullable: true }) couponRejection!: string | null;
  @Field(() => [ID], { description: 'Lines that cannot be ordered (not on sale); priced without.' })
  unavailableSkuIds!: string[];
  @Field(() => Int) shippingFee!: number;
  @Field(() => Int, { description: 'Goods totals from this much ship free.' })
  freeShippingFrom!: number;
  @Field(() => Int, { description: 'What more goods would make shipping free; 0 once it is.' })
  amountToFreeShipping!: number;
  @Field(() => Int, { description: 'The most points this order takes (the PG has a minimum).' })
  maxPointsUsable!: number;
  @Field(() => Int) pointsUsed!: number;
  @Field(() => Int, { description: 'What the PG will charge: total + shipping − points.' })
  totalAmount!: number;
}
