import { availableParallelism } from 'node:os';
import { z } from 'zod';

export const orderConfigSchema = z.looseObject({
  /** Orders whose goods total reaches this ship free; others pay the fee. */
  SHOP_FREE_SHIPPING_FROM: z.coerce.number().int().min(0).default(50_000),
  SHOP_SHIPPING_FEE: z.coerce.number().int().min(0).default(3_000),
  /** The PG refuses smaller charges, so points may not bring an order below it. */
  SHOP_MINIMUM_CHARGE: z.coerce.number().int().min(0).default(100),
  /** A delivered order is confirmed for the buyer after this long (구매확정). */
  SHOP_AUTO_CONFIRM_AFTER_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .default(7 * 24 * 3600),
  SHOP_ORDER_SWEEP_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  /**
   * An order still PLACING this long after it was written lost its process midway: it fails and
   * gives back whatever it held. Longer than a placement with every retry takes.
   */
  SHOP_ORDER_PLACING_TIMEOUT_SECONDS: z.coerce.number().int().min(5).max(3600).default(120),
  /** Orders this instance places at once (quote, order row, holds); the rest wait their turn. */
  SHOP_ORDER_PLACEMENTS_AT_ONCE: z.coerce
    .number()
    .int()
    .min(1)
    .max(256)
    .default(() => availableParallelism()),
});

export type OrderConfig = z.infer<typeof orderConfigSchema>;
