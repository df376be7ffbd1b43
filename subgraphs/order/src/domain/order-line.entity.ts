import { defineEntity, p } from '@mikro-orm/core';

/**
 * One SKU of an order, with the price the customer agreed to and its share of the coupon and
 * points, so a later partial refund knows exactly what this line cost.
 */
export const OrderLineSchema = defineEntity({
  name: 'OrderLine',
  tableName: 'order_line',
  properties: {
    id: p.string().length(36).primary(),
    orderId: p.string().length(36).index(),
    position: p.integer(),
    skuId: p.string().length(36),
    productId: p.string().length(36),
    productName: p.string().length(200),
    /** Settlement states each brand's sales apart. */
    brandId: p.string().length(36).nullable(),
    options: p.json<Record<string, string>>(),
    quantity: p.integer(),
    unitPrice: p.integer(),
    salePrice: p.integer(),
    lineSubtotal: p.integer(),
    productDiscount: p.integer(),
    couponDiscount: p.integer(),
    pointsUsed: p.integer(),
    /** lineSubtotal − productDiscount − couponDiscount − pointsUsed. */
    paidAmount: p.integer(),
  },
});

export class OrderLine extends OrderLineSchema.class {}
OrderLineSchema.setClass(OrderLine);
