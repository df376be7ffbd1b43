import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import { Counter, Histogram, type Registry } from 'prom-client';
import type { Logger } from '../logger.js';

/** How an operation ended, a small fixed set so it can be a metric label. */
export type OperationOutcome = 'success' | 'denied' | 'invalid' | 'error';

export interface OperationReport {
  operationName: string;
  outcome: OperationOutcome;
}

const deniedCodes = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);
const invalidCodes = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'INTROSPECTION_DISABLED',
  'MAX_RECURSIVE_SELECTIONS_EXCEEDED',
]);

function outcomeOf(errors: readonly GraphQLError[]): OperationOutcome {
  const codes = errors.map((error) => String(error.extensions.code ?? 'INTERNAL_SERVER_ERROR'));
  if (codes.some((code) => !deniedCodes.has(code) && !invalidCodes.has(code))) return 'error';
  if (codes.some((code) => deniedCodes.has(code))) return 'denied';
  return codes.length > 0 ? 'invalid' : 'success';
}

/** Operation names come from the router's query plans; cap them so a label stays a label. */
function operationLabel(name: string | null | undefined): string {
  return name ? name.slice(0, 100) : 'anonymous';
}

/** The metrics on a registry, created once per registry so several servers may share one. */
function operationMetrics(registry: Registry) {
  const requests =
    (registry.getSingleMetric('graphql_requests_total') as Counter<string> | undefined) ??
    new Counter({
      name: 'graphql_requests_total',
      help: 'GraphQL operations executed, by subgraph, operation name and outcome',
      labelNames: ['service', 'operation', 'outcome'],
      registers: [registry],
    });
  const duration =
    (registry.getSingleMetric('graphql_request_duration_seconds') as
      Histogram<string> | undefined) ??
    new Histogram({
      name: 'graphql_request_duration_seconds',
      help: 'Time from receiving a GraphQL operation to sending its response',
      labelNames: ['service', 'operation'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
  return { requests, duration };
}

/** Any server's context: a subgraph's carries its request logger, the router's does not. */
type MetricsContext = { logger?: Pick<Logger, 'error'> };

export interface OperationMetricsOptions<Context extends MetricsContext> {
  registry: Registry;
  /** The subgraph's name: processes hosting several subgraphs share the default registry. */
  service: string;
  /** Receives each operation's name and outcome, for the request's log line. */
  onReport(context: Context, report: OperationReport): void;
}

/**
 * Counts and times every operation, and logs unexpected errors with the request's logger, which
 * knows the request id (the response carries only a masked message).
 */
export function operationMetricsPlugin<Context extends MetricsContext>(
  options: OperationMetricsOptions<Context>,
): ApolloServerPlugin<Context> {
  const { requests, duration } = operationMetrics(options.registry);
  return {
    async requestDidStart() {
      const startedAt = performance.now();
      let errors: readonly GraphQLError[] = [];
      return {
        async didEncounterErrors(requestContext) {
          errors = requestContext.errors;
          for (const error of errors) {
            if (outcomeOf([error]) !== 'error') continue;
            requestContext.contextValue.logger?.error(
              { err: error.originalError ?? error, path: error.path },
              'unexpected error in a GraphQL operation',
            );
          }
        },
        async willSendResponse(requestContext) {
          const operation = operationLabel(
            requestContext.operationName ?? requestContext.request.operationName,
          );
          const outcome = outcomeOf(errors);
          requests.inc({ service: options.service, operation, outcome });
          duration.observe(
            { service: options.service, operation },
            (performance.now() - startedAt) / 1000,
          );
          options.onReport(requestContext.contextValue, { operationName: operation, outcome });
        },
      };
    },
  };
}
