import { z } from 'zod';

export const deliveryConfigSchema = z.looseObject({
  /** The carrier's API: the sandbox by default. */
  SHOP_CARRIER_URL: z.url().default('http://127.0.0.1:4191'),
  /** Verifies the carrier's webhook signatures. */
  SHOP_CARRIER_WEBHOOK_SECRET: z.string().min(8).default('carrier_webhook_secret'),
  /** Where the carrier sends webhooks; delivery's own address by default. */
  SHOP_CARRIER_WEBHOOK_URL: z.url().optional(),
  /** Shipments not heard of for this long are looked up at the carrier (webhooks can be lost). */
  SHOP_TRACKING_POLL_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
});
