import { z } from 'zod';

export const paymentConfigSchema = z.looseObject({
  /** The PG's API: the sandbox by default; the real PG is a matter of these three settings. */
  SHOP_PG_URL: z.url().default('http://127.0.0.1:4192'),
  SHOP_PG_SECRET_KEY: z.string().min(1).default('test_sk_sandbox'),
  SHOP_PG_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
  /** How long a second confirmation waits for the first to finish. */
  SHOP_PAYMENT_CONFIRM_WAIT_MS: z.coerce.number().int().min(100).max(60_000).default(15_000),
});

export type PaymentConfig = z.infer<typeof paymentConfigSchema>;
