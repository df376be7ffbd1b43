import { loadConfig, logLevelSchema, portSchema } from '@shop/kit';
import proxyAddr from 'proxy-addr';
import { z } from 'zod';

const positive = z.coerce.number().int().positive();
const commaSeparated = z.string().transform((value) =>
  value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean),
);
const httpUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' });

/** `SHOP_SUBGRAPH_URL_<NAME>` overrides the URL the supergraph file gives subgraph `<name>`. */
export const subgraphUrlPrefix = 'SHOP_SUBGRAPH_URL_';

/** Everything the router reads, except the internal-token secret (see `routerConfigSchema`). */
const settings = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** `real`: rate-limit counters in Redis, shared by every router instance; `embedded`: memory. */
  SHOP_INFRA: z.enum(['embedded', 'real']).default('embedded'),
  SHOP_REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
  SHOP_LOG_LEVEL: logLevelSchema,
  SHOP_HOST: z.string().default('127.0.0.1'),
  /** 0 picks a free port (tests). */
  SHOP_PORT_ROUTER: portSchema.default(4000),
  /** Defaults to `router/supergraph.graphql`, written by `pnpm compose`. */
  SHOP_SUPERGRAPH_FILE: z.string().optional(),
  /** Defaults to the auth subgraph's origin + `/.well-known/jwks.json`. */
  SHOP_AUTH_JWKS_URL: httpUrl.optional(),
  SHOP_JWT_ISSUER: z.string().min(1).default('shop-auth'),
  SHOP_JWT_AUDIENCE: z.string().min(1).default('shop'),
  /** Seconds of clock skew tolerated on `exp`/`nbf`/`iat`. */
  SHOP_JWT_CLOCK_TOLERANCE_SECONDS: z.coerce.number().int().min(0).max(300).default(5),
  /** How soon an unknown `kid` may refetch the JWKS again (what a forged kid can cost auth). */
  SHOP_JWKS_COOLDOWN_MS: positive.default(30_000),
  /** After this long the JWKS is refetched anyway, so a key removed from it stops being accepted. */
  SHOP_JWKS_CACHE_MAX_AGE_MS: positive.default(300_000),
  SHOP_JWKS_TIMEOUT_MS: positive.default(3_000),
  /** Comma-separated browser origins allowed to call the router (credentials included). */
  SHOP_CORS_ORIGINS: commaSeparated.default(['http://localhost:5173', 'http://127.0.0.1:5173']),
  /**
   * Comma-separated addresses or CIDRs of the proxies in front of the router (or `loopback`,
   * `linklocal`, `uniquelocal`). The client address is the right-most `X-Forwarded-For` entry that
   * is not one of them, read only when the request came from one; empty: the socket's address.
   */
  SHOP_TRUSTED_PROXIES: commaSeparated.default([]).superRefine((list, context) => {
    for (const entry of list) {
      try {
        proxyAddr.compile(entry);
      } catch {
        context.addIssue({
          code: 'custom',
          message: `"${entry}" is not an IP address, a CIDR or loopback/linklocal/uniquelocal`,
        });
      }
    }
  }),
  /**
   * Removed: `true` took the left-most X-Forwarded-For, which any client writes. Only `false` (or
   * nothing) is accepted; `true` stops the start with a pointer to SHOP_TRUSTED_PROXIES.
   */
  SHOP_TRUST_PROXY: z
    .string()
    .optional()
    .refine((value) => value === undefined || value === '' || value === 'false', {
      message:
        'is no longer supported (it let any client choose its address through X-Forwarded-For): ' +
        "unset it and list your proxies' addresses or CIDRs in SHOP_TRUSTED_PROXIES",
    }),
  SHOP_RATE_LIMIT_IP_PER_MINUTE: positive.default(300),
  SHOP_RATE_LIMIT_USER_PER_MINUTE: positive.default(600),
  SHOP_QUERY_MAX_DEPTH: positive.default(12),
  /** Below 100 on purpose: 100 aliased `login`s in one request are refused outright. */
  SHOP_QUERY_MAX_ALIASES: positive.default(30),
  SHOP_QUERY_MAX_DIRECTIVES: positive.default(20),
  SHOP_QUERY_MAX_TOKENS: positive.default(3_000),
  SHOP_QUERY_MAX_COST: positive.default(5_000),
  /** What the cost model counts for a paginated field whose page size the request leaves open. */
  SHOP_QUERY_MAX_PAGE_SIZE: positive.default(100),
  SHOP_MAX_REQUEST_BYTES: positive.default(1_048_576),
  /** Nesting of `variables` (and `extensions`) JSON: deeper is a 400 before any GraphQL runs. */
  SHOP_MAX_VARIABLES_DEPTH: positive.default(32),
  /** `variables` as JSON, in bytes: larger is a 400 (the whole body is bounded by the above). */
  SHOP_MAX_VARIABLES_BYTES: positive.default(262_144),
  /**
   * `/metrics` is served here only, never on the public port; 0 picks a free port (logged, and
   * `metricsUrl` of the running router). Set a fixed one, and SHOP_METRICS_HOST, for Prometheus.
   */
  SHOP_METRICS_PORT: portSchema.default(0),
  SHOP_METRICS_HOST: z.string().default('127.0.0.1'),
  /** Per subgraph fetch. */
  SHOP_SUBGRAPH_TIMEOUT_MS: positive.default(5_000),
  /** Consecutive failures that open a subgraph's circuit, and how long before a trial call. */
  SHOP_SUBGRAPH_BREAKER_FAILURES: positive.default(5),
  SHOP_SUBGRAPH_BREAKER_HALF_OPEN_MS: positive.default(5_000),
  /**
   * Comma-separated persisted-operation manifests of the first-party clients. Their ids resolve
   * always; in production, once given, nothing else runs (a full query only if it is one of them).
   */
  SHOP_OPERATION_MANIFESTS: commaSeparated.default([]),
  /**
   * Whole responses to anonymous catalog-only queries, kept by listing generation (0: off). A
   * product change moves the generation on.
   */
  SHOP_RESPONSE_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).default(300),
  SHOP_RESPONSE_CACHE_MAX_ENTRIES: positive.default(10_000),
  /**
   * Once a product change moves the generation on, the first request for a query fetches its new
   * answer; for this long, requests for it arriving meanwhile get the previous answer instead of
   * waiting (0: they wait). Once the new answer is served, nobody gets the old one.
   */
  SHOP_RESPONSE_CACHE_STALE_MS: z.coerce.number().int().min(0).default(2_000),
  /** How long a partner key check or operation is reused before auth is asked again. */
  SHOP_PARTNER_CACHE_TTL_MS: positive.default(5_000),
  /**
   * From `SHOP_SUBGRAPH_URL_<NAME>`: subgraph name (lower case) → URL, or several (one per
   * instance) separated by commas.
   */
  subgraphUrls: z
    .record(
      z.string(),
      z
        .string()
        .refine((value) => value.split(',').every((url) => httpUrl.safeParse(url.trim()).success), {
          message: 'must be an http(s) URL, or several separated by commas',
        }),
    )
    .default({}),
});

/** Collects the `SHOP_SUBGRAPH_URL_<NAME>` variables into `subgraphUrls`. */
function withSubgraphUrls(env: unknown): unknown {
  if (typeof env !== 'object' || env === null) return env;
  const subgraphUrls: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(env)) {
    if (key.startsWith(subgraphUrlPrefix) && value !== undefined && value !== '')
      subgraphUrls[key.slice(subgraphUrlPrefix.length).toLowerCase()] = value;
  }
  return { ...env, subgraphUrls };
}

/** The router's settings without the secret: for a host process that already holds the signer. */
export const routerSettingsSchema = z.preprocess(withSubgraphUrls, settings);

/** The router's whole configuration, read from the environment (`loadRouterConfig`). */
export const routerConfigSchema = z.preprocess(
  withSubgraphUrls,
  settings.extend({
    /** Signs the identity forwarded to subgraphs; they verify it with the same secret. */
    SHOP_INTERNAL_SECRET: z.string({ message: 'required' }).min(32, {
      message: 'must be at least 32 characters',
    }),
  }),
);

export type RouterSettings = z.output<typeof routerSettingsSchema>;
export type RouterConfig = z.output<typeof routerConfigSchema>;

/** Reads and checks the environment; throws a `ConfigError` listing every problem at once. */
export function loadRouterConfig(
  env: Record<string, string | undefined> = process.env,
): RouterConfig {
  return loadConfig('router', routerConfigSchema, env);
}
