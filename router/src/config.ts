import { z } from 'zod';

const flag = z
  .enum(['true', 'false'])
  .default('false')
  .transform((value) => value === 'true');
const positive = z.coerce.number().int().positive();

/** The router's own settings (the shared ones — mode, secrets, ports — come from the runtime). */
export const routerConfigSchema = z.looseObject({
  SHOP_AUTH_JWKS_URL: z.url().optional(),
  SHOP_JWT_ISSUER: z.string().default('shop-auth'),
  SHOP_JWT_AUDIENCE: z.string().default('shop'),
  /** How soon an unknown `kid` may refetch the JWKS again (limits what a forged kid can cost us). */
  SHOP_JWKS_COOLDOWN_MS: positive.default(30_000),
  /** Comma-separated origins allowed to call from a browser. */
  SHOP_CORS_ORIGINS: z
    .string()
    .default('http://localhost:5173,http://127.0.0.1:5173')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    ),
  /** Honour X-Forwarded-For only behind a proxy you run. */
  SHOP_TRUST_PROXY: flag,
  SHOP_RATE_LIMIT_IP_PER_MINUTE: positive.default(300),
  SHOP_RATE_LIMIT_USER_PER_MINUTE: positive.default(600),
  SHOP_QUERY_MAX_DEPTH: positive.default(12),
  SHOP_QUERY_MAX_ALIASES: positive.default(30),
  SHOP_QUERY_MAX_DIRECTIVES: positive.default(20),
  SHOP_QUERY_MAX_TOKENS: positive.default(3000),
  SHOP_QUERY_MAX_COST: positive.default(5000),
  SHOP_SUBGRAPH_TIMEOUT_MS: positive.default(5000),
  /** Consecutive failures that open a subgraph's circuit, and how long it stays open. */
  SHOP_SUBGRAPH_BREAKER_FAILURES: positive.default(5),
  SHOP_SUBGRAPH_BREAKER_HALF_OPEN_MS: positive.default(5000),
});

export type RouterConfig = z.infer<typeof routerConfigSchema>;
