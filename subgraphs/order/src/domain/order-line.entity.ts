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
    /** Units in returns still open. */
    returnPendingQuantity: p.integer().default(0),
    /** Units returned and refunded. */
    returnedQuantity: p.integer().default(0),
    /** The value of the returned units given back (before a return-trip fee). */
    refundedAmount: p.integer().default(0),
  },
});

export class OrderLine extends OrderLineSchema.class {}
OrderLineSchema.setClass(OrderLine);
