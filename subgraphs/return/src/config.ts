import { z } from 'zod';

export const returnConfigSchema = z.looseObject({
  SHOP_CARRIER_URL: z.url().default('http://127.0.0.1:4191'),
  /** The return trip, charged (deducted from the refund) when the customer changed their mind. */
  SHOP_RETURN_SHIPPING_FEE: z.coerce.number().int().min(0).default(3_000),
});
