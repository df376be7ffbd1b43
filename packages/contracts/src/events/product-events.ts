import { z } from 'zod';
import { topicOf } from './envelope.js';

const productTopic = topicOf('product');

export const productStatuses = ['DRAFT', 'ACTIVE', 'HIDDEN', 'SOLD_OUT'] as const;
export type ProductStatus = (typeof productStatuses)[number];

/** A category with its ancestors, root first, so a read model can filter by any level. */
export const categoryRefSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  /** Root first, ending with this category itself. */
  path: z.array(z.object({ id: z.uuid(), name: z.string() })).min(1),
});

export const skuSnapshotSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  /** KRW, integer. */
  price: z.number().int().nonnegative(),
  /** onHand − reserved at the time of the snapshot. */
  available: z.number().int().nonnegative(),
  enabled: z.boolean(),
  /** Option group name → value, e.g. { "색상": "블랙", "사이즈": "M" }. */
  options: z.record(z.string(), z.string()),
});

/**
 * Everything a read model needs about one product. Every change to the product, its options,
 * SKUs, prices, or a SKU's stock crossing zero publishes a new snapshot with a higher `revision`,
 * so a consumer keeps the highest revision it has seen and ignores older or repeated ones.
 */
export const productSnapshotSchema = z.object({
  id: z.uuid(),
  revision: z.number().int().positive(),
  name: z.string(),
  description: z.string(),
  status: z.enum(productStatuses),
  brand: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  category: categoryRefSchema.nullable(),
  images: z.array(z.string()),
  optionGroups: z.array(z.object({ name: z.string(), values: z.array(z.string()) })),
  skus: z.array(skuSnapshotSchema),
  /** Units sold (committed reservations), for popularity. */
  soldCount: z.number().int().nonnegative(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export type ProductSnapshot = z.infer<typeof productSnapshotSchema>;
export type SkuSnapshot = z.infer<typeof skuSnapshotSchema>;

/** product.events — the product subgraph publishes one after every change of a product. */
export const productChangedEvent = {
  type: 'ProductChanged',
  version: 1,
  topic: productTopic,
  data: productSnapshotSchema,
} as const;

/**
 * product.events — a paid order was committed after its reservation had expired, and the units
 * had been sold again meanwhile: the order cannot be delivered (order cancels and refunds it).
 * Never expected; published so that it is counted and somebody looks.
 */
export const stockShortfallEvent = {
  type: 'StockShortfall',
  version: 1,
  topic: productTopic,
  data: z.object({
    orderId: z.uuid(),
    skuId: z.uuid(),
    requested: z.number().int().positive(),
    available: z.number().int(),
  }),
} as const;

/**
 * The listing facts both the product subgraph and the catalog's index serve (the `@shareable`
 * fields of Product), computed by one rule so either answer is the same: prices over the SKUs on
 * sale (all SKUs if none is), in stock when on sale with at least one unit of an enabled SKU.
 */
export function listingSummary(product: {
  status: ProductStatus;
  images: readonly string[];
  skus: readonly { price: number; available: number; enabled: boolean }[];
}): { thumbnail: string | null; minPrice: number; maxPrice: number; inStock: boolean } {
  const enabled = product.skus.filter((sku) => sku.enabled);
  const priced = (enabled.length > 0 ? enabled : product.skus).map((sku) => sku.price);
  return {
    thumbnail: product.images[0] ?? null,
    minPrice: priced.length > 0 ? Math.min(...priced) : 0,
    maxPrice: priced.length > 0 ? Math.max(...priced) : 0,
    inStock: product.status === 'ACTIVE' && enabled.some((sku) => sku.available > 0),
  };
}
