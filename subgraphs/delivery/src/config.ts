import { z } from 'zod';

/** Good enough for a laptop; a production run must be given its own. */
const developmentWebhookSecret = 'carrier_webhook_secret';

export const deliveryConfigSchema = z
  .looseObject({
    NODE_ENV: z.string().optional(),
    /** The carrier's API: the sandbox by default. */
    SHOP_CARRIER_URL: z.url().default('http://127.0.0.1:4191'),
    /** Verifies the carrier's webhook signatures. */
    SHOP_CARRIER_WEBHOOK_SECRET: z.string().min(8).default(developmentWebhookSecret),
    /** Where the carrier sends webhooks; delivery's own address by default. */
    SHOP_CARRIER_WEBHOOK_URL: z.url().optional(),
    /** Shipments not heard of for this long are looked up at the carrier (webhooks can be lost). */
    SHOP_TRACKING_POLL_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  })
  .superRefine((env, ctx) => {
    if (
      env.NODE_ENV === 'production' &&
      env.SHOP_CARRIER_WEBHOOK_SECRET === developmentWebhookSecret
    )
      ctx.addIssue({
        code: 'custom',
        path: ['SHOP_CARRIER_WEBHOOK_SECRET'],
        message: 'set a secret of your own in production (the one the carrier signs webhooks with)',
      });
  });
