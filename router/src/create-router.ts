import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { GraphQLFormattedError } from 'graphql';
import { loadConfig } from '@shop/kit';
import type { Identity } from '@shop/kit/identity';
import {
  ReadinessChecks,
  collectProcessMetrics,
  listen,
  sendJson,
  serveLiveness,
  serveMetrics,
  serveReadiness,
} from '@shop/kit/ops';
import { createRateLimiter, spend } from '@shop/kit/rate-limit';
import {
  HttpRequestError,
  executeGraphQLOverHttp,
  operationMetricsPlugin,
  requestIdFrom,
  sendGraphQLError,
} from '@shop/kit/server';
import type { Runtime, SubgraphName } from '@shop/kit/service';
import { accessTokenVerifier } from './access-token.js';
import { clientAddress } from './client-address.js';
import { routerConfigSchema } from './config.js';
import { applyCors } from './cors.js';
import { queryLimitsRule } from './query-limits.js';
import type { RouterContext } from './router-context.js';
import { SubgraphDataSource } from './subgraph-data-source.js';

export interface RunningRouter {
  name: string;
  url: string;
  port: number;
  stop(): Promise<void>;
}

const defaultSupergraph = fileURLToPath(new URL('../supergraph.graphql', import.meta.url));

/** Field suggestions tell an attacker the schema; production hides them (with introspection). */
function hideSuggestions(formatted: GraphQLFormattedError): GraphQLFormattedError {
  return { ...formatted, message: formatted.message.replace(/ ?Did you mean .*$/, '') };
}

/**
 * The single GraphQL endpoint: verifies the client's JWT, rate-limits per user or IP, enforces
 * query limits, forwards a signed identity to the subgraphs through a circuit per subgraph.
 */
export async function createRouter(
  runtime: Runtime,
  options: { port?: number; supergraphFile?: string } = {},
): Promise<RunningRouter> {
  const config = loadConfig('router', routerConfigSchema, runtime.env);
  const production = runtime.config.NODE_ENV === 'production';
  const logger = runtime.logger.child({ component: 'router' });
  const registry = runtime.metricsRegistry;
  collectProcessMetrics(registry);
  const verifyAccessToken = accessTokenVerifier({
    jwksUrl: config.SHOP_AUTH_JWKS_URL ?? `${runtime.baseUrlOf('auth')}/.well-known/jwks.json`,
    issuer: config.SHOP_JWT_ISSUER,
    audience: config.SHOP_JWT_AUDIENCE,
    cooldownMs: config.SHOP_JWKS_COOLDOWN_MS,
  });
  const perIp = createRateLimiter(
    { keyPrefix: 'router-ip', points: config.SHOP_RATE_LIMIT_IP_PER_MINUTE, durationSeconds: 60 },
    runtime.redis,
  );
  const perUser = createRateLimiter(
    {
      keyPrefix: 'router-user',
      points: config.SHOP_RATE_LIMIT_USER_PER_MINUTE,
      durationSeconds: 60,
    },
    runtime.redis,
  );

  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(options.supergraphFile ?? defaultSupergraph, 'utf8'),
    buildService: ({ name }) =>
      new SubgraphDataSource(name, `${runtime.baseUrlOf(name as SubgraphName)}/graphql`, {
        timeoutMs: config.SHOP_SUBGRAPH_TIMEOUT_MS,
        breakerFailures: config.SHOP_SUBGRAPH_BREAKER_FAILURES,
        halfOpenAfterMs: config.SHOP_SUBGRAPH_BREAKER_HALF_OPEN_MS,
        registry,
      }),
  });
  const readiness = new ReadinessChecks();
  const httpServer = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      logger.error({ err: error }, 'router request failed');
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error' }] });
      else res.destroy();
    });
  });
  const reports = new WeakMap<object, { operationName?: string; outcome: string }>();
  const apollo = new ApolloServer<RouterContext>({
    gateway,
    introspection: !production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    parseOptions: { maxTokens: config.SHOP_QUERY_MAX_TOKENS },
    validationRules: [
      queryLimitsRule({
        maxDepth: config.SHOP_QUERY_MAX_DEPTH,
        maxAliases: config.SHOP_QUERY_MAX_ALIASES,
        maxDirectives: config.SHOP_QUERY_MAX_DIRECTIVES,
        maxCost: config.SHOP_QUERY_MAX_COST,
      }),
    ],
    formatError: (formatted) => (production ? hideSuggestions(formatted) : formatted),
    logger,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: 10_000 }),
      ApolloServerPluginLandingPageDisabled(),
      operationMetricsPlugin<RouterContext>({
        registry,
        service: 'router',
        onReport: (context, report) => reports.set(context, report),
      }),
    ],
  });

  async function identify(req: IncomingMessage): Promise<Identity> {
    const header = req.headers.authorization;
    if (!header) return { kind: 'anonymous' };
    const token = /^Bearer (.+)$/i.exec(header)?.[1];
    if (!token)
      throw new HttpRequestError(
        401,
        'UNAUTHENTICATED',
        'Send the access token as `Authorization: Bearer <token>`.',
      );
    const check = await verifyAccessToken(token);
    if (!check.ok) throw new HttpRequestError(401, 'UNAUTHENTICATED', check.reason);
    return check.identity;
  }

  async function limit(identity: Identity, clientIp: string, res: ServerResponse): Promise<void> {
    const decision =
      identity.kind === 'user'
        ? await spend(perUser, identity.userId)
        : await spend(perIp, clientIp);
    if (decision.allowed) return;
    res.setHeader('retry-after', String(decision.retryAfterSeconds));
    throw new HttpRequestError(
      429,
      'RATE_LIMITED',
      `Too many requests: try again in ${decision.retryAfterSeconds} seconds.`,
    );
  }

  async function handleGraphQL(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const startedAt = performance.now();
    const requestId = requestIdFrom(req.headers);
    res.setHeader('x-request-id', requestId);
    const clientIp = clientAddress(req, config.SHOP_TRUST_PROXY);
    let identity: Identity | undefined;
    let context: RouterContext | undefined;
    try {
      identity = await identify(req);
      await limit(identity, clientIp, res);
      const internalToken = await runtime.internalTokens.sign({
        via: 'router',
        identity,
        clientIp,
      });
      context = {
        identity,
        clientIp,
        requestId,
        internalToken,
        logger: logger.child({ requestId }),
      };
      const ready = context;
      await executeGraphQLOverHttp(apollo, req, res, async () => ready);
    } catch (error) {
      if (!(error instanceof HttpRequestError)) throw error;
      sendGraphQLError(res, error);
    } finally {
      const report = context && reports.get(context);
      logger.info(
        {
          requestId,
          operationName: report?.operationName,
          outcome: report?.outcome ?? 'refused',
          status: res.statusCode,
          durationMs: Math.round(performance.now() - startedAt),
          userId: identity?.kind === 'user' ? identity.userId : undefined,
          clientIp,
        },
        'graphql request',
      );
    }
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { pathname } = new URL(req.url ?? '/', 'http://router');
    if (applyCors(req, res, config.SHOP_CORS_ORIGINS)) return;
    switch (pathname) {
      case '/graphql':
        return handleGraphQL(req, res);
      case '/health':
        return serveLiveness(res);
      case '/ready':
        return serveReadiness(res, readiness);
      case '/metrics':
        return serveMetrics(res, registry);
      default:
        return sendJson(res, 404, { error: `no route ${pathname}` });
    }
  }

  await apollo.start();
  readiness.add('supergraph', async () => {});
  const port = await listen(
    httpServer,
    options.port ?? runtime.portOf('router'),
    runtime.config.SHOP_HOST,
  );
  logger.info({ port }, 'router listening');
  let stopped: Promise<void> | undefined;
  return {
    name: 'router',
    url: `http://${runtime.config.SHOP_HOST}:${port}/graphql`,
    port,
    stop: () => (stopped ??= apollo.stop()),
  };
}
