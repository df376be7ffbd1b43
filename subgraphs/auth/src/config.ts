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
  /** Failed logins one IP may make per day (any accounts) before it waits out the day. */
  SHOP_LOGIN_IP_FAILURES_PER_DAY: z.coerce.number().int().positive().default(100),
  /** Consecutive failures of one account from one address (within a day) before each next try waits. */
  SHOP_LOGIN_FREE_FAILURES: z.coerce.number().int().positive().default(5),
  /** Failures of one account from unrecognised addresses before those wait too. */
  SHOP_LOGIN_ACCOUNT_FREE_FAILURES: z.coerce.number().int().positive().default(10),
  /** The first wait; each further failure doubles it, up to the maximum. */
  SHOP_LOGIN_DELAY_SECONDS: z.coerce.number().int().positive().default(15),
  SHOP_LOGIN_MAX_DELAY_SECONDS: z.coerce.number().int().positive().default(900),
  /** How long the address and device of a successful login are recognised. */
  SHOP_LOGIN_REMEMBER_DAYS: z.coerce.number().int().min(1).max(400).default(90),
});

export type AuthConfig = z.infer<typeof authConfigSchema>;
