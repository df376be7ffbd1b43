import { z } from 'zod';
import { koreanAddressSchema, orderLineRequestSchema } from '@shop/contracts';

export const placeOrderSchema = z.object({
  lines: z
    .array(orderLineRequestSchema)
    .min(1, { message: 'an order needs at least one line' })
    .max(50)
    .refine((lines) => new Set(lines.map((line) => line.skuId)).size === lines.length, {
      message: 'one line per SKU',
    }),
  couponId: z.uuid().nullish(),
  pointsToUse: z.number().int().min(0).max(100_000_000).default(0),
  shippingAddress: koreanAddressSchema,
  /** The client's key for this checkout: a retried createOrder returns the first order. */
  idempotencyKey: z.string().trim().min(8).max(64),
});
export type PlaceOrderInput = z.input<typeof placeOrderSchema>;

/** What a checkout quote is asked for: the cart, coupon and points that createOrder would take. */
export const checkoutQuoteSchema = placeOrderSchema.pick({
  lines: true,
  couponId: true,
  pointsToUse: true,
});
export type CheckoutQuoteInput = z.input<typeof checkoutQuoteSchema>;
