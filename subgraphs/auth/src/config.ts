import { z } from 'zod';

export const authConfigSchema = z.looseObject({
  SHOP_JWT_ISSUER: z.string().default('shop-auth'),
  SHOP_JWT_AUDIENCE: z.string().default('shop'),
  SHOP_ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(600),
  SHOP_REFRESH_TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(300)
    .default(30 * 24 * 3600),
  /** Login attempts one IP may make per window, whatever their outcome. */
  SHOP_LOGIN_ATTEMPTS_PER_IP: z.coerce.number().int().positive().default(50),
  SHOP_LOGIN_IP_WINDOW_SECONDS: z.coerce.number().int().positive().default(600),
  /** Consecutive failures that lock an account for the lock period. */
  SHOP_LOGIN_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
  SHOP_LOGIN_ACCOUNT_LOCK_SECONDS: z.coerce.number().int().positive().default(900),
});

export type AuthConfig = z.infer<typeof authConfigSchema>;
