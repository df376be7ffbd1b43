import { ApolloServer } from '@apollo/server';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';
import type { Orm } from '../db/open-database.js';
import type { Logger } from '../logger.js';
import {
  ReadinessChecks,
  serveLiveness,
  serveReadiness,
  type ReadinessCheck,
} from '../ops/health.js';
import { sendJson } from '../ops/http-response.js';
import { listen } from '../ops/listen.js';
import { collectProcessMetrics, serveMetrics } from '../ops/metrics.js';
import type { Stoppable } from '../ops/shutdown.js';
import type { Caller, Identity } from '../identity/identity.js';
import { nameServiceOnPort } from '../tracing/service-ports.js';
import {
  createRequestContext,
  rejectAllCallers,
  requestIdFrom,
  userIdOf,
  type CallerResolver,
  type LoadersFactory,
  type SubgraphContext,
} from './context.js';
import { executeGraphQLOverHttp, HttpRequestError, sendGraphQLError } from './graphql-http.js';
import { operationMetricsPlugin, type OperationReport } from './operation-metrics-plugin.js';

export interface SubgraphServerOptions<Loaders = undefined> {
  /** The subgraph's name, for logs and metric labels. */
  name: string;
  /** The executable schema from `buildSubgraphSchema`. */
  schema: GraphQLSchema;
  orm: Orm;
  /** The caller check; without one every request is refused. */
  resolveCaller?: CallerResolver;
  logger: Logger;
  /** 0 picks a free port. */
  port: number;
  host?: string;
  introspection: boolean;
  metricsRegistry: Registry;
  createLoaders?: LoadersFactory<Loaders>;
  /** Other HTTP endpoints of the service (internal API, JWKS), matched by path prefix. */
  routes?: HttpRoute[];
}

export interface HttpRoute {
  prefix: string;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

export interface SubgraphServer extends Stoppable {
  /** The GraphQL endpoint. */
  url: string;
  port: number;
  /** Adds a check `/ready` runs, e.g. the event transport's connection. */
  addReadinessCheck(name: string, check: ReadinessCheck): void;
  /** Stops accepting, lets in-flight requests finish, then closes the ORM. Idempotent. */
  stop(): Promise<void>;
}

/** How long in-flight requests may take to finish once `stop()` is called. */
const drainGracePeriodMs = 10_000;

/** Unexpected failures reach the router, maybe a client: their text could leak internals. */
function maskUnexpectedError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (formatted.extensions?.code !== ApolloServerErrorCode.INTERNAL_SERVER_ERROR) return formatted;
  return { ...formatted, message: 'Internal server error' };
}

async function verifiedCaller(resolveCaller: CallerResolver, req: IncomingMessage) {
  let caller: Caller | null;
  try {
    caller = await resolveCaller(req.headers);
  } catch (error) {
    // A refusal the check chose to explain (e.g. 403); anything else is a failure of the check.
    if (!(error instanceof GraphQLError)) throw error;
    const status = (error.extensions.http as { status?: number } | undefined)?.status;
    if (!status) throw error;
    throw new HttpRequestError(status, String(error.extensions.code ?? 'FORBIDDEN'), error.message);
  }
  if (!caller) {
    throw new HttpRequestError(
      401,
      'UNAUTHENTICATED',
      'This subgraph only accepts the router and services: caller credentials are missing or invalid.',
    );
  }
  return caller;
}

/** Answers a request GraphQL did not run: a refusal as it was given, anything else as a 500. */
function sendFailure(res: ServerResponse, error: unknown, logger: Logger): void {
  if (error instanceof HttpRequestError) return sendGraphQLError(res, error);
  logger.error({ err: error }, 'graphql request failed outside execution');
  if (res.headersSent) res.destroy();
  else
    sendGraphQLError(
      res,
      new HttpRequestError(500, 'INTERNAL_SERVER_ERROR', 'Internal server error'),
    );
}

/**
 * Serves a subgraph over plain `node:http`: `/graphql` (Apollo Server), `/health`, `/ready` and
 * `/metrics`. Every GraphQL request passes the caller check, gets its own context (a fresh entity
 * manager) and one log line.
 */
export async function createSubgraphServer<Loaders = undefined>(
  options: SubgraphServerOptions<Loaders>,
): Promise<SubgraphServer> {
  const { name, orm, logger, metricsRegistry } = options;
  const host = options.host ?? '127.0.0.1';
  const resolveCaller = options.resolveCaller ?? rejectAllCallers;
  // Apollo hands plugins a shallow copy of the context, so the request is recognised by its entity
  // manager: a fresh fork per request, shared by the copy.
  const reports = new WeakMap<object, OperationReport>();
  const readiness = new ReadinessChecks();
  let stopping = false;
  readiness.add('server', async () => {
    if (stopping) throw new Error('shutting down');
  });
  readiness.add('database', async () => {
    // `select 1`, without reopening a connection that was closed (execute() would reconnect).
    const check = await orm.checkConnection();
    if (!check.ok) throw new Error(check.reason);
  });
  collectProcessMetrics(metricsRegistry);

  const httpServer = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      logger.error({ err: error, url: req.url }, 'request handling failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal server error' });
      else res.destroy();
    });
  });
  // Callers (the router, other services) keep connections alive and reuse them. The server must
  // keep an idle connection longer than any caller's pool does, or it closes one just as a caller
  // sends on it and that request fails with ECONNRESET.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;

  const apollo = new ApolloServer<SubgraphContext<Loaders>>({
    schema: options.schema,
    introspection: options.introspection,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // Signals belong to the process (installShutdownHandlers), which stops its parts in order.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    formatError: maskUnexpectedError,
    logger,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: drainGracePeriodMs }),
      ApolloServerPluginLandingPageDisabled(),
      // No cache hints are set anywhere; Apollo's default plugin would still work out a cache
      // policy for every field of every answer.
      ApolloServerPluginCacheControlDisabled(),
      // Traces go to Zipkin (OpenTelemetry); Apollo's own (ftv1, for its usage reporting) would
      // still start a trace tree for every request of a subgraph.
      ApolloServerPluginInlineTraceDisabled(),
      operationMetricsPlugin({
        registry: metricsRegistry,
        service: name,
        onReport: (context, report) => reports.set(context.em, report),
      }),
    ],
  });

  async function handleGraphQL(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const startedAt = performance.now();
    const requestId = requestIdFrom(req.headers);
    res.setHeader('x-request-id', requestId);
    let identity: Identity | undefined;
    let context: SubgraphContext<Loaders> | undefined;
    try {
      const caller = await verifiedCaller(resolveCaller, req);
      identity = caller.identity;
      await executeGraphQLOverHttp(apollo, req, res, async () => {
        context = createRequestContext({
          orm,
          caller,
          requestId,
          logger,
          createLoaders: options.createLoaders,
        });
        return context;
      });
    } catch (error) {
      sendFailure(res, error, logger.child({ requestId }));
    } finally {
      const report = context && reports.get(context.em);
      logger.info(
        {
          requestId,
          operationName: report?.operationName,
          outcome: report?.outcome ?? (res.statusCode < 400 ? 'success' : 'refused'),
          status: res.statusCode,
          durationMs: Math.round(performance.now() - startedAt),
          userId: identity && userIdOf(identity),
          caller: identity?.kind === 'service' ? identity.service : identity?.kind,
        },
        'graphql request',
      );
    }
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { pathname } = new URL(req.url ?? '/', 'http://subgraph');
    switch (pathname) {
      case '/graphql':
        return handleGraphQL(req, res);
      case '/health':
        return serveLiveness(res);
      case '/ready':
        return serveReadiness(res, readiness);
      case '/metrics':
        return serveMetrics(res, metricsRegistry);
      default: {
        const extra = options.routes?.find((candidate) => pathname.startsWith(candidate.prefix));
        if (extra) return extra.handle(req, res);
        return sendJson(res, 404, { error: `no route ${pathname}` });
      }
    }
  }

  await apollo.start();
  let port: number;
  try {
    port = await listen(httpServer, options.port, host);
  } catch (error) {
    await apollo.stop();
    throw error;
  }
  nameServiceOnPort(port, name);
  const urlHost = host.includes(':') ? `[${host}]` : host;
  logger.info({ subgraph: name, port }, 'subgraph listening');

  let stopped: Promise<void> | undefined;
  return {
    name,
    url: `http://${urlHost}:${port}/graphql`,
    port,
    addReadinessCheck: (checkName, check) => readiness.add(checkName, check),
    stop: () =>
      (stopped ??= (async () => {
        stopping = true;
        // Apollo's drain plugin closes the listener and waits for in-flight requests. The database
        // stays open: consumers, jobs and the outbox relay still use it (its opener closes it).
        await apollo.stop();
      })()),
  };
}
