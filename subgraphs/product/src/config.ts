import { z } from 'zod';

export const productConfigSchema = z.looseObject({
  /** How long an unpaid order holds its stock. */
  SHOP_RESERVATION_TTL_SECONDS: z.coerce.number().int().min(10).max(86_400).default(900),
  SHOP_RESERVATION_SWEEP_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  /** How soon sales reach read models (popularity): products sold meanwhile publish together. */
  SHOP_PRODUCT_SALES_PUBLISH_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  /** Where the embedded run keeps uploaded pictures (under `media/`). */
  SHOP_DATA_DIR: z.string().default('.data'),
  /** Largest picture an admin may upload. */
  SHOP_MEDIA_MAX_BYTES: z.coerce.number().int().min(1024).max(50_000_000).default(5_000_000),
  /** How long an upload slot from `startImageUpload` may be used. */
  SHOP_MEDIA_UPLOAD_TTL_SECONDS: z.coerce.number().int().min(10).max(3600).default(600),
  /** Seed the demo catalogue when the product database is empty (`pnpm start` turns it on). */
  SHOP_SEED_DEMO: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});

export type ProductConfig = z.infer<typeof productConfigSchema>;
