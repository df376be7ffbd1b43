import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Supergraph } from '@apollo/federation-internals';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import helmet from 'helmet';
import type { Redis } from 'ioredis';
import { listingGeneration } from '@shop/contracts';
import { RedisCache, type Cache } from '@shop/kit/cache';
import { Registry } from 'prom-client';
import { createLogger, type Logger } from '@shop/kit';
import { InternalTokens } from '@shop/kit/identity';
import { ServiceInstances, createInternalClient, parseInstanceUrls } from '@shop/kit/internal-http';
import { nameServiceOnPort } from '@shop/kit/tracing';
import {
  ReadinessChecks,
  collectProcessMetrics,
  listen,
  sendJson,
  serveLiveness,
  serveMetrics,
  serveReadiness,
} from '@shop/kit/ops';
import type { Runtime } from '@shop/kit/service';
import { accessTokenVerifier } from './auth/verify-access-token.js';
import { SubgraphCircuit } from './circuit.js';
import { trustedProxies } from './client-address.js';
import type { RouterConfig, RouterSettings } from './config.js';
import { applyCors } from './cors.js';
import { errorFormatter } from './format-error.js';
import { graphqlHandler } from './graphql-handler.js';
import { graphqlIde } from './graphql-ide.js';
import { queryLimitsPlugin } from './limits/query-limits-plugin.js';
import { RouterMetrics } from './metrics.js';
import { PassThrough } from './pass-through.js';
import { OperationSafelist } from './persisted/operation-safelist.js';
import { PartnerDirectory } from './persisted/partner-directory.js';
import { PartnerGate } from './persisted/partner-gate.js';
import { RequestRateLimiter } from './rate-limit.js';
import { connectRedis } from './redis.js';
import { requestReportPlugin } from './request-report-plugin.js';
import { valueCompletionErrorsPlugin } from './value-completion-errors.js';
import { CatalogOnlyOperations } from './response-cache/catalog-only.js';
import { responseCachePlugin } from './response-cache/response-cache-plugin.js';
import type { RouterContext } from './router-context.js';
import { fromRuntime, type RuntimeRouterOptions } from './runtime-router.js';
import { SubgraphDataSource } from './subgraph-data-source.js';
import { readSupergraph, resolveSubgraphUrls } from './supergraph.js';

export { incompleteAnswerCode } from './value-completion-errors.js';

export type { RouterConfig } from './config.js';
export { loadRouterConfig, routerConfigSchema } from './config.js';
export type { RuntimeRouterOptions } from './runtime-router.js';

/** What the router may be given instead of making its own (all optional). */
export interface RouterDeps {
  /** Default: a pino logger named `router` at `SHOP_LOG_LEVEL`. */
  logger?: Logger;
  /**
   * Default: a registry of its own (process metrics included), served on `/metrics` of the metrics
   * port (`SHOP_METRICS_PORT`), not of the public one.
   */
  registry?: Registry;
  /** Used when `SHOP_INFRA=real`; default: a client of its own on `SHOP_REDIS_URL`. */
  redis?: Redis;
  /** Default: signs with `SHOP_INTERNAL_SECRET`. */
  internalTokens?: InternalTokens;
  /** Default: the file `SHOP_SUPERGRAPH_FILE` (else `router/supergraph.graphql`). */
  supergraphSdl?: string;
  /** Where a subgraph is when no `SHOP_SUBGRAPH_URL_<NAME>` says; default: the supergraph's URL. */
  subgraphUrl?: (name: string) => string | undefined;
  /**
   * The cache namespace catalog keeps its listing generation in. Default: catalog's namespace in
   * Redis when `SHOP_INFRA=real`; embedded and without it, responses are not cached.
   */
  catalogCache?: Cache;
}

export interface RunningRouter {
  name: string;
  /** `http://host:port/graphql` */
  url: string;
  port: number;
  /** `http://host:port/metrics` on the metrics port (`SHOP_METRICS_HOST`/`SHOP_METRICS_PORT`). */
  metricsUrl: string;
  /** Stops taking requests, lets in-flight ones finish (10 s at most), then closes. */
  stop(): Promise<void>;
}

/**
 * The single GraphQL endpoint of the shop (docs/architecture.md#router), on plain node:http:
 * `/graphql`, `/health`, `/ready` (once the supergraph is loaded), and outside production a GraphQL
 * IDE for browsers on `/graphql` (its files on `/ide/`); `/metrics` on a port of its own
 * (`SHOP_METRICS_PORT`, 127.0.0.1 unless `SHOP_METRICS_HOST` says otherwise). Per request: security
 * headers (helmet), CORS, request id, client address (`SHOP_TRUSTED_PROXIES`), variables' limits,
 * JWT check, rate limit, then Apollo Server with CSRF prevention, query limits and the gateway,
 * whose fetches carry a signed identity and run inside a circuit per subgraph.
 *
 * `createRouter(runtime, options)` runs it inside a shop process (`pnpm start`), sharing that
 * runtime's logger, metrics, Redis and internal-token signer.
 */
export function createRouter(config: RouterConfig, deps?: RouterDeps): Promise<RunningRouter>;
export function createRouter(
  runtime: Runtime,
  options?: RuntimeRouterOptions,
): Promise<RunningRouter>;
export function createRouter(
  source: RouterConfig | Runtime,
  depsOrOptions: RouterDeps | RuntimeRouterOptions = {},
): Promise<RunningRouter> {
  if ('portOf' in source && 'internalTokens' in source) {
    const { settings, deps } = fromRuntime(source, depsOrOptions as RuntimeRouterOptions);
    return startRouter(settings, deps);
  }
  return startRouter(source, depsOrOptions as RouterDeps);
}

function jwksUrlOf(config: RouterSettings, instances: Map<string, ServiceInstances>): string {
  if (config.SHOP_AUTH_JWKS_URL) return config.SHOP_AUTH_JWKS_URL;
  const auth = instances.get('auth');
  if (!auth) throw new Error('router: no auth subgraph in the supergraph: set SHOP_AUTH_JWKS_URL');
  return new URL('/.well-known/jwks.json', auth.origins[0]).href;
}

/**
 * Headers for an API that serves JSON only (helmet's set): nothing may be framed, embedded,
 * sniffed or loaded from a response; no referrer leaves; no X-Powered-By. The development IDE
 * replaces the CSP with its own (graphql-ide.ts).
 */
const securityHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'none'"],
    },
  },
  xFrameOptions: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
});

/** An IPv6 host in a URL goes in brackets. */
function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

function signerFor(secret: string | undefined): InternalTokens {
  if (!secret) throw new Error('router: SHOP_INTERNAL_SECRET is required');
  return new InternalTokens(secret);
}

async function startRouter(
  config: RouterSettings & { SHOP_INTERNAL_SECRET?: string },
  deps: RouterDeps,
): Promise<RunningRouter> {
  const production = config.NODE_ENV === 'production';
  const logger = deps.logger ?? createLogger('router', { level: config.SHOP_LOG_LEVEL });
  const registry = deps.registry ?? new Registry();
  collectProcessMetrics(registry);
  const metrics = new RouterMetrics(registry);
  const internalTokens = deps.internalTokens ?? signerFor(config.SHOP_INTERNAL_SECRET);
  const supergraphSdl = deps.supergraphSdl ?? readSupergraph(config.SHOP_SUPERGRAPH_FILE);
  const { urls, unknownOverrides } = resolveSubgraphUrls(
    supergraphSdl,
    config.subgraphUrls,
    deps.subgraphUrl,
  );
  for (const key of unknownOverrides)
    logger.warn({ variable: `SHOP_SUBGRAPH_URL_${key.toUpperCase()}` }, 'no such subgraph');
  // Each subgraph is a list of instances (one URL, or several separated by commas).
  const instances = new Map(
    [...urls].map(([name, url]) => [
      name,
      new ServiceInstances({
        target: name,
        service: 'router',
        urls: parseInstanceUrls(url),
        logger,
        metricsRegistry: registry,
      }),
    ]),
  );
  const jwksUrl = jwksUrlOf(config, instances);
  // Without SHOP_AUTH_JWKS_URL, jwksUrlOf found the auth subgraph.
  const authInstances = config.SHOP_AUTH_JWKS_URL
    ? new ServiceInstances({ target: 'auth', urls: [jwksUrl], logger })
    : instances.get('auth')!;
  const verifyAccessToken = accessTokenVerifier({
    jwksUrl,
    issuer: config.SHOP_JWT_ISSUER,
    audience: config.SHOP_JWT_AUDIENCE,
    clockToleranceSeconds: config.SHOP_JWT_CLOCK_TOLERANCE_SECONDS,
    cooldownMs: config.SHOP_JWKS_COOLDOWN_MS,
    cacheMaxAgeMs: config.SHOP_JWKS_CACHE_MAX_AGE_MS,
    timeoutMs: config.SHOP_JWKS_TIMEOUT_MS,
  });
  const ownsRedis = config.SHOP_INFRA === 'real' && !deps.redis;
  const redis =
    config.SHOP_INFRA === 'real'
      ? (deps.redis ?? (await connectRedis(config.SHOP_REDIS_URL, logger)))
      : undefined;
  const rateLimiter = new RequestRateLimiter(
    {
      ipPerMinute: config.SHOP_RATE_LIMIT_IP_PER_MINUTE,
      userPerMinute: config.SHOP_RATE_LIMIT_USER_PER_MINUTE,
    },
    redis,
  );

  const partners = new PartnerGate(
    new PartnerDirectory(
      createInternalClient({
        service: 'router',
        target: 'auth',
        // Auth serves its internal API where it serves its JWKS.
        instances: authInstances,
        token: () =>
          internalTokens.sign({ via: 'router', identity: { kind: 'service', service: 'router' } }),
        timeoutMs: config.SHOP_JWKS_TIMEOUT_MS,
        retries: 1,
        breaker: {
          consecutiveFailures: config.SHOP_SUBGRAPH_BREAKER_FAILURES,
          halfOpenAfterMs: config.SHOP_SUBGRAPH_BREAKER_HALF_OPEN_MS,
        },
        logger: logger.child({ component: 'partner-directory' }),
        metricsRegistry: registry,
      }),
      config.SHOP_PARTNER_CACHE_TTL_MS,
    ),
  );
  const manifests = config.SHOP_OPERATION_MANIFESTS;
  const safelist = OperationSafelist.fromFiles(manifests, production && manifests.length > 0);
  if (manifests.length > 0)
    logger.info({ operations: safelist.size, enforced: production }, 'first-party operations');
  else if (production)
    logger.warn('no SHOP_OPERATION_MANIFESTS: first-party clients may send any query');

  const supergraph = Supergraph.build(supergraphSdl);
  const catalogCache =
    deps.catalogCache ?? (redis ? new RedisCache(redis, listingGeneration.prefix) : undefined);
  const responseCache =
    catalogCache && config.SHOP_RESPONSE_CACHE_TTL_SECONDS > 0
      ? responseCachePlugin({
          catalogOnly: new CatalogOnlyOperations(supergraph),
          generation: async () =>
            (await catalogCache.get<string>(listingGeneration.key)) ?? 'initial',
          ttlSeconds: config.SHOP_RESPONSE_CACHE_TTL_SECONDS,
          maxEntries: config.SHOP_RESPONSE_CACHE_MAX_ENTRIES,
          staleWhileRefreshingMs: config.SHOP_RESPONSE_CACHE_STALE_MS,
        })
      : undefined;

  // Apollo's anonymous usage telemetry from the gateway (on unless this is set) has no place here.
  process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';
  const passThrough = new PassThrough(supergraph.apiSchema(), metrics);
  const gateway = new ApolloGateway({
    supergraphSdl,
    logger,
    buildService: ({ name }) => {
      const circuit = new SubgraphCircuit(
        {
          timeoutMs: config.SHOP_SUBGRAPH_TIMEOUT_MS,
          consecutiveFailures: config.SHOP_SUBGRAPH_BREAKER_FAILURES,
          halfOpenAfterMs: config.SHOP_SUBGRAPH_BREAKER_HALF_OPEN_MS,
        },
        (state) => {
          metrics.circuitChanged(name, state);
          logger[state === 'closed' ? 'info' : 'warn']({ subgraph: name, state }, 'circuit');
        },
      );
      metrics.circuitChanged(name, 'closed');
      const subgraph = instances.get(name);
      if (!subgraph) throw new Error(`router: no address for subgraph ${name}`);
      const [graphqlUrl = ''] = parseInstanceUrls(urls.get(name) ?? '');
      return new SubgraphDataSource(name, subgraph, graphqlUrl, circuit, metrics, (context) =>
        passThrough.takeFetched(context),
      );
    },
    experimental_didResolveQueryPlan: passThrough.remember,
  });
  gateway.executor = passThrough.executor(gateway.executor);

  let phase: 'starting' | 'ready' | 'stopping' = 'starting';
  const readiness = new ReadinessChecks();
  readiness.add('supergraph', async () => {
    if (phase !== 'ready') throw new Error(phase === 'starting' ? 'loading' : 'stopping');
  });

  const httpServer = createServer((req, res) => {
    securityHeaders(req, res, () => {});
    route(req, res).catch((error: unknown) => {
      // A client that hung up mid-request is not the router's failure.
      if (req.destroyed && (error as { code?: string }).code === 'ECONNRESET') return;
      logger.error({ err: error }, 'router request failed');
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error' }] });
      else res.destroy();
    });
  });

  const apollo = new ApolloServer<RouterContext>({
    gateway,
    logger,
    introspection: !production,
    hideSchemaDetailsFromClientErrors: production,
    csrfPrevention: true,
    // Persisted ids are resolved before Apollo (partners' manifests, the first-party safelist);
    // Apollo's automatic persisted queries would let any client register any query.
    persistedQueries: false,
    allowBatchedHttpRequests: false,
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    parseOptions: { maxTokens: config.SHOP_QUERY_MAX_TOKENS },
    formatError: errorFormatter(production),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: 10_000 }),
      ApolloServerPluginLandingPageDisabled(),
      // No cache hints are set anywhere; Apollo's default plugin would still work out a cache
      // policy for every field of every answer.
      ApolloServerPluginCacheControlDisabled(),
      queryLimitsPlugin({
        maxDepth: config.SHOP_QUERY_MAX_DEPTH,
        maxAliases: config.SHOP_QUERY_MAX_ALIASES,
        maxDirectives: config.SHOP_QUERY_MAX_DIRECTIVES,
        maxCost: config.SHOP_QUERY_MAX_COST,
        maxPageSize: config.SHOP_QUERY_MAX_PAGE_SIZE,
        maxTokens: config.SHOP_QUERY_MAX_TOKENS,
      }),
      // First, so the report, the metrics and the response cache see these as the errors they are.
      valueCompletionErrorsPlugin(),
      requestReportPlugin(),
      ...(responseCache ? [responseCache] : []),
    ],
  });

  const handleGraphQL = graphqlHandler({
    apollo,
    verifyAccessToken,
    rateLimiter,
    partners,
    safelist,
    internalTokens,
    metrics,
    logger,
    trustedProxy: trustedProxies(config.SHOP_TRUSTED_PROXIES),
    maxBodyBytes: config.SHOP_MAX_REQUEST_BYTES,
    variablesLimits: {
      maxDepth: config.SHOP_MAX_VARIABLES_DEPTH,
      maxBytes: config.SHOP_MAX_VARIABLES_BYTES,
    },
    isReady: () => phase === 'ready',
  });

  // Development only: production answers a browser's GET of /graphql as any other GET.
  const ide = production ? undefined : graphqlIde('/graphql');

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { pathname } = new URL(req.url ?? '/', 'http://router');
    if (applyCors(req, res, config.SHOP_CORS_ORIGINS)) return;
    if (ide?.(req, res, pathname)) return;
    switch (pathname) {
      case '/graphql':
        return handleGraphQL(req, res);
      case '/health':
        return serveLiveness(res);
      case '/ready':
        return serveReadiness(res, readiness);
      default:
        return sendJson(res, 404, { error: `no route ${pathname}` });
    }
  }

  // Prometheus scrapes this one; the public port has no /metrics (what it tells is for operators).
  const metricsServer: Server = createServer((req, res) => {
    securityHeaders(req, res, () => {});
    const { pathname } = new URL(req.url ?? '/', 'http://router');
    if (pathname !== '/metrics') return sendJson(res, 404, { error: `no route ${pathname}` });
    serveMetrics(res, registry).catch((error: unknown) => {
      logger.error({ err: error }, 'router metrics failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'metrics failed' });
      else res.destroy();
    });
  });

  // Listen first so /health answers and /ready says "loading" while the supergraph loads.
  let port: number;
  let metricsPort: number;
  try {
    metricsPort = await listen(metricsServer, config.SHOP_METRICS_PORT, config.SHOP_METRICS_HOST);
    port = await listen(httpServer, config.SHOP_PORT_ROUTER, config.SHOP_HOST);
    nameServiceOnPort(port, 'router');
    await apollo.start();
  } catch (error) {
    metricsServer.close();
    httpServer.close();
    if (ownsRedis) redis?.disconnect();
    throw error;
  }
  phase = 'ready';
  const url = `http://${config.SHOP_HOST}:${port}/graphql`;
  const metricsUrl = `http://${hostForUrl(config.SHOP_METRICS_HOST)}:${metricsPort}/metrics`;
  logger.info({ url, metricsUrl, subgraphs: Object.fromEntries(urls) }, 'router ready');
  const pools = new Set([...instances.values(), authInstances]);

  let stopped: Promise<void> | undefined;
  const stop = async () => {
    phase = 'stopping';
    await apollo.stop();
    await new Promise<void>((resolve) => {
      metricsServer.close(() => resolve());
      metricsServer.closeAllConnections();
    });
    for (const pool of pools) await pool.close();
    if (ownsRedis) await redis?.quit().catch(() => redis.disconnect());
  };
  return { name: 'router', url, port, metricsUrl, stop: () => (stopped ??= stop()) };
}
