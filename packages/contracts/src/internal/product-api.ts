import { z } from 'zod';

/** GET /internal/skus?ids=… on product: what pricing and ordering need to know of a SKU. */
export const skuInfoSchema = z.object({
  id: z.uuid(),
  productId: z.uuid(),
  productName: z.string(),
  /** The product's category and its ancestors, root first. */
  categoryIds: z.array(z.uuid()),
  /** The product's brand, whose sales settlement states apart; null for unbranded products. */
  brandId: z.uuid().nullable(),
  code: z.string(),
  options: z.record(z.string(), z.string()),
  /** KRW. */
  price: z.number().int().nonnegative(),
  available: z.number().int().nonnegative(),
  /** On sale: product ACTIVE and SKU enabled. */
  sellable: z.boolean(),
});
export type SkuInfo = z.infer<typeof skuInfoSchema>;

export const orderLineRequestSchema = z.object({
  skuId: z.uuid(),
  quantity: z.number().int().min(1).max(1000),
});
export type OrderLineRequest = z.infer<typeof orderLineRequestSchema>;

/** A SKU's units neither sold nor reserved. */
export interface SkuAvailability {
  id: string;
  available: number;
}

/**
 * A product's SKUs as its ProductChanged of `revision` tells them: what order's stock gate keeps.
 * POST /internal/reservations answers it for the products whose last unit of a SKU it took.
 */
export interface ProductStock {
  productId: string;
  revision: number;
  skus: SkuAvailability[];
}
