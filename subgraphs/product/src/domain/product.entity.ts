import { defineEntity, p } from '@mikro-orm/core';
import { productStatuses } from '@shop/contracts';

export interface OptionGroup {
  name: string;
  values: string[];
}

/**
 * What a shopper browses: name, description, brand, category, images and the option groups whose
 * combinations are its SKUs. Option groups live on the product as JSON: they belong to it, are
 * always read whole, and SKUs name their values. `revision` grows with every published change, so
 * read models can drop events that arrive late or twice.
 */
export const ProductSchema = defineEntity({
  name: 'Product',
  tableName: 'product',
  indexes: [{ properties: ['status', 'createdAt'] }],
  properties: {
    id: p.string().length(36).primary(),
    name: p.string().length(200),
    description: p.text().default(''),
    status: p.enum(productStatuses).default('DRAFT'),
    brandId: p.string().length(36).nullable().index(),
    categoryId: p.string().length(36).nullable().index(),
    images: p.json<string[]>(),
    optionGroups: p.json<OptionGroup[]>(),
    revision: p.integer().default(1),
    /** Units sold, for popularity; moved by the same conditional updates as stock. */
    soldCount: p.integer().default(0),
    /** Sold since the last ProductChanged: the sales publisher publishes it shortly. */
    salesPending: p.boolean().default(false).index(),
    /** Set by a client that may retry `createProduct`: the retry returns the first product. */
    idempotencyKey: p.string().length(64).nullable().unique(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});

export class Product extends ProductSchema.class {}
ProductSchema.setClass(Product);
