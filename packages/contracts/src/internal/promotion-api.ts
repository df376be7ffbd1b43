import { z } from 'zod';
import { orderLineRequestSchema } from './product-api.js';

/** POST /internal/quotes on promotion: the server-side price of a cart, for one customer. */
export const quoteRequestSchema = z.object({
  userId: z.uuid(),
  lines: z
    .array(orderLineRequestSchema)
    .min(1)
    .max(100)
    .refine((lines) => new Set(lines.map((line) => line.skuId)).size === lines.length, {
      message: 'one line per SKU',
    }),
  couponId: z.uuid().nullish(),
});
export type QuoteRequest = z.infer<typeof quoteRequestSchema>;

const won = z.number().int().nonnegative();

export const quotedLineSchema = z.object({
  skuId: z.uuid(),
  productId: z.uuid(),
  productName: z.string(),
  brandId: z.uuid().nullable(),
  options: z.record(z.string(), z.string()),
  quantity: z.number().int().positive(),
  /** The SKU's list price. */
  unitPrice: won,
  /** After the best product or category discount. */
  salePrice: won,
  /** unitPrice × quantity. */
  lineSubtotal: won,
  /** (unitPrice − salePrice) × quantity. */
  productDiscount: won,
  /** This line's share of the coupon, so a later partial refund knows what the line really cost. */
  couponDiscount: won,
  /** lineSubtotal − productDiscount − couponDiscount; never below zero. */
  lineTotal: won,
});
export type QuotedLine = z.infer<typeof quotedLineSchema>;

export const couponRejectionReasons = [
  'NOT_FOUND',
  'NOT_YOURS',
  'ALREADY_USED',
  'EXPIRED',
  'NOT_YET_VALID',
  'MINIMUM_NOT_MET',
] as const;

export const quoteSchema = z.object({
  lines: z.array(quotedLineSchema),
  subtotal: won,
  productDiscount: won,
  couponDiscount: won,
  /** subtotal − productDiscount − couponDiscount; what the order charges before points. */
  total: won,
  /** The coupon asked for: applied, or why not (the quote is then priced without it). */
  coupon: z
    .object({
      id: z.uuid(),
      applied: z.boolean(),
      rejection: z.enum(couponRejectionReasons).nullable(),
    })
    .nullable(),
  /** SKUs that cannot be priced: unknown or not on sale. */
  unavailableSkuIds: z.array(z.uuid()),
});
export type Quote = z.infer<typeof quoteSchema>;

/** POST /internal/coupons/:couponId/{reserve,use,release,restore}: idempotent per order. */
export const couponActionSchema = z.object({ orderId: z.uuid(), userId: z.uuid() });
export type CouponAction = z.infer<typeof couponActionSchema>;
