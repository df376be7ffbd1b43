import { z } from 'zod';
import { productStatuses } from '@shop/contracts';
import { stockAdjustmentReasons } from '../domain/stock-movement.entity.js';

/** Per product: more combinations than this is a data-entry mistake, not a catalogue. */
export const maxSkusPerProduct = 200;
export const maxImagesPerProduct = 10;

const price = z.number().int().min(0).max(100_000_000);
const slug = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'use lowercase letters, digits and dashes' })
  .max(100);
const imageUrl = z
  .string()
  .trim()
  .max(500)
  .refine((url) => url.startsWith('/') || /^https:\/\//.test(url), {
    message: 'must be an https URL or a path on this shop',
  });
const optionValue = z.string().trim().min(1).max(50);

const optionGroup = z.object({
  name: z.string().trim().min(1).max(30),
  values: z
    .array(optionValue)
    .min(1)
    .max(50)
    .refine((values) => new Set(values).size === values.length, {
      message: 'values must be distinct',
    }),
});

export const createProductSchema = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(5000).default(''),
  brandId: z.uuid().nullish(),
  categoryId: z.uuid().nullish(),
  status: z.enum(productStatuses).default('DRAFT'),
  basePrice: price,
  images: z.array(imageUrl).max(maxImagesPerProduct).default([]),
  optionGroups: z
    .array(optionGroup)
    .max(3)
    .default([])
    .refine((groups) => new Set(groups.map((g) => g.name)).size === groups.length, {
      message: 'group names must be distinct',
    })
    .refine(
      (groups) =>
        groups.reduce((count, group) => count * group.values.length, 1) <= maxSkusPerProduct,
      { message: `at most ${maxSkusPerProduct} combinations per product` },
    ),
  /** Units received for each generated SKU. */
  initialStock: z.number().int().min(0).max(1_000_000).default(0),
  /** Price or stock of particular combinations, where they differ from the defaults above. */
  skus: z
    .array(
      z.object({
        options: z.record(z.string(), z.string()),
        price: price.nullish(),
        initialStock: z.number().int().min(0).max(1_000_000).nullish(),
      }),
    )
    .max(maxSkusPerProduct)
    .default([]),
  idempotencyKey: z.string().trim().min(8).max(64).nullish(),
});
export type CreateProductInput = z.input<typeof createProductSchema>;

export const updateProductSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    description: z.string().trim().max(5000).optional(),
    brandId: z.uuid().nullable().optional(),
    categoryId: z.uuid().nullable().optional(),
    images: z.array(imageUrl).max(maxImagesPerProduct).optional(),
  })
  .refine((update) => Object.values(update).some((value) => value !== undefined), {
    message: 'nothing to update',
  });
export type UpdateProductInput = z.input<typeof updateProductSchema>;

export const addOptionValueSchema = z.object({
  group: z.string().trim().min(1).max(30),
  value: optionValue,
  /** Price of the new SKUs; the product's lowest price when absent. */
  price: price.nullish(),
});
export type AddOptionValueInput = z.input<typeof addOptionValueSchema>;

export const updateSkuSchema = z
  .object({ price: price.optional(), enabled: z.boolean().optional() })
  .refine((update) => update.price !== undefined || update.enabled !== undefined, {
    message: 'nothing to update',
  });
export type UpdateSkuInput = z.input<typeof updateSkuSchema>;

const stockUnits = z.number().int().min(0).max(1_000_000_000);

export const adjustStockSchema = z
  .object({
    reason: z.enum(stockAdjustmentReasons).optional(),
    /** Older clients name a kind instead: RECEIVED, or ADJUSTED (read as a count correction). */
    kind: z.enum(['RECEIVED', 'ADJUSTED']).optional(),
    /** A signed change of the units on hand… */
    quantity: z
      .number()
      .int()
      .min(-1_000_000)
      .max(1_000_000)
      .refine((quantity) => quantity !== 0, { message: 'must not be zero' })
      .optional(),
    /** …or the units on hand after the change (a count), never both. */
    onHand: stockUnits.optional(),
    /** Unique per SKU and kind: a retried request with the same reference changes nothing. */
    reference: z.string().trim().min(1).max(64),
    note: z.string().trim().max(200).nullish(),
  })
  .refine((input) => (input.quantity === undefined) !== (input.onHand === undefined), {
    path: ['quantity'],
    message: 'give either a quantity or the units on hand',
  })
  .refine((input) => input.reason !== undefined || input.kind !== undefined, {
    path: ['reason'],
    message: 'a manual stock change needs a reason',
  })
  .transform(({ kind, reason, ...change }) => ({
    ...change,
    reason: reason ?? (kind === 'RECEIVED' ? 'RECEIVED' : 'COUNT_CORRECTION'),
  }));
export type AdjustStockInput = z.input<typeof adjustStockSchema>;

export const createCategorySchema = z.object({
  name: z.string().trim().min(1).max(100),
  slug,
  parentId: z.uuid().nullish(),
  position: z.number().int().min(0).max(10_000).default(0),
});
export type CreateCategoryInput = z.input<typeof createCategorySchema>;

export const createBrandSchema = z.object({ name: z.string().trim().min(1).max(100), slug });
export type CreateBrandInput = z.input<typeof createBrandSchema>;
