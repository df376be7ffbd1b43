import { z } from 'zod';

export const productConfigSchema = z.looseObject({
  /** How long an unpaid order holds its stock. */
  SHOP_RESERVATION_TTL_SECONDS: z.coerce.number().int().min(10).max(86_400).default(900),
  SHOP_RESERVATION_SWEEP_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  /** Seed the demo catalogue when the product database is empty (`pnpm start` turns it on). */
  SHOP_SEED_DEMO: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
});

export type ProductConfig = z.infer<typeof productConfigSchema>;
