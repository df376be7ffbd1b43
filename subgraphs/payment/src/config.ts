import { z } from 'zod';

export const paymentConfigSchema = z
  .looseObject({
    /** The PG's API: the sandbox by default; the real PG is a matter of these three settings. */
    SHOP_PG_URL: z.url().default('http://127.0.0.1:4192'),
    SHOP_PG_SECRET_KEY: z.string().min(1).default('test_sk_sandbox'),
    SHOP_PG_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5000),
    /** How long a second confirmation waits for the first to finish. */
    SHOP_PAYMENT_CONFIRM_WAIT_MS: z.coerce.number().int().min(100).max(60_000).default(15_000),
    /**
     * A confirmation or refund untouched this long was left by a process that died (or a PG that
     * never answered): recovery asks the PG again with the same idempotency key and finishes it.
     * Longer than any live attempt takes (a PG timeout and the look-ups after it).
     */
    SHOP_PAYMENT_RECOVER_AFTER_MS: z.coerce.number().int().min(1000).max(3_600_000).default(30_000),
    /** How often recovery looks for what was left behind. */
    SHOP_PAYMENT_RECOVERY_SWEEP_MS: z.coerce.number().int().min(100).max(600_000).default(5000),
  })
  .refine((env) => env.SHOP_PAYMENT_RECOVER_AFTER_MS > 2 * env.SHOP_PG_TIMEOUT_MS, {
    path: ['SHOP_PAYMENT_RECOVER_AFTER_MS'],
    message: 'must be more than twice SHOP_PG_TIMEOUT_MS, or recovery would race a live attempt',
  });

export type PaymentConfig = z.infer<typeof paymentConfigSchema>;
