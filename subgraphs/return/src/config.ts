import { z } from 'zod';

export const returnConfigSchema = z.looseObject({
  SHOP_CARRIER_URL: z.url().default('http://127.0.0.1:4191'),
  /** The return trip, charged (deducted from the refund) when the customer changed their mind. */
  SHOP_RETURN_SHIPPING_FEE: z.coerce.number().int().min(0).default(3_000),
  /** A return APPROVED or RECEIVED and untouched this long lost its process: recovery finishes it. */
  SHOP_RETURN_RECOVER_AFTER_MS: z.coerce.number().int().min(1_000).default(60_000),
  SHOP_RETURN_RECOVERY_SWEEP_MS: z.coerce.number().int().min(100).default(10_000),
});
