import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import {
  BrokenCircuitError,
  ConsecutiveBreaker,
  TaskCancelledError,
  TimeoutStrategy,
  circuitBreaker,
  handleAll,
  timeout,
  wrap,
  type IPolicy,
} from 'cockatiel';
import { GraphQLError } from 'graphql';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { RouterContext } from './router-context.js';

type GatewayGraphQLResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

export interface SubgraphCallSettings {
  timeoutMs: number;
  breakerFailures: number;
  halfOpenAfterMs: number;
  registry: Registry;
}

function subgraphMetrics(registry: Registry) {
  const existing = registry.getSingleMetric('router_subgraph_fetches_total');
  if (existing) {
    return {
      fetches: existing as Counter<string>,
      duration: registry.getSingleMetric(
        'router_subgraph_fetch_duration_seconds',
      ) as Histogram<string>,
      circuit: registry.getSingleMetric('router_subgraph_circuit_open') as Gauge<string>,
    };
  }
  return {
    fetches: new Counter({
      name: 'router_subgraph_fetches_total',
      help: 'Fetches from the router to subgraphs, by outcome',
      labelNames: ['subgraph', 'outcome'],
      registers: [registry],
    }),
    duration: new Histogram({
      name: 'router_subgraph_fetch_duration_seconds',
      help: 'Duration of subgraph fetches',
      labelNames: ['subgraph'],
      registers: [registry],
    }),
    circuit: new Gauge({
      name: 'router_subgraph_circuit_open',
      help: '1 while the circuit to a subgraph is open',
      labelNames: ['subgraph'],
      registers: [registry],
    }),
  };
}

/**
 * A fetch to one subgraph: forwards the verified identity as a signed internal token (never a
 * client's header), with a timeout and a circuit breaker so a dead subgraph fails fast.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<RouterContext> {
  private readonly policy: IPolicy;
  private readonly metrics: ReturnType<typeof subgraphMetrics>;

  constructor(
    private readonly subgraph: string,
    url: string,
    settings: SubgraphCallSettings,
  ) {
    super({ url });
    const breaker = circuitBreaker(handleAll, {
      halfOpenAfter: settings.halfOpenAfterMs,
      breaker: new ConsecutiveBreaker(settings.breakerFailures),
    });
    this.metrics = subgraphMetrics(settings.registry);
    breaker.onBreak(() => this.metrics.circuit.set({ subgraph }, 1));
    breaker.onReset(() => this.metrics.circuit.set({ subgraph }, 0));
    this.policy = wrap(breaker, timeout(settings.timeoutMs, TimeoutStrategy.Aggressive));
  }

  override willSendRequest({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<RouterContext>): void {
    const headers = request.http?.headers;
    if (!headers || !('internalToken' in context)) return;
    headers.set('x-shop-internal-token', context.internalToken);
    headers.set('x-request-id', context.requestId);
  }

  override async process(
    options: GraphQLDataSourceProcessOptions<RouterContext>,
  ): Promise<GatewayGraphQLResponse> {
    const stopTimer = this.metrics.duration.startTimer({ subgraph: this.subgraph });
    try {
      const response = await this.policy.execute(() => super.process(options));
      this.metrics.fetches.inc({ subgraph: this.subgraph, outcome: 'success' });
      return response;
    } catch (error) {
      const outcome =
        error instanceof BrokenCircuitError
          ? 'circuit-open'
          : error instanceof TaskCancelledError
            ? 'timeout'
            : 'error';
      this.metrics.fetches.inc({ subgraph: this.subgraph, outcome });
      throw new GraphQLError(
        outcome === 'circuit-open'
          ? `The ${this.subgraph} service is unavailable right now; try again shortly.`
          : `The ${this.subgraph} service did not answer (${outcome}).`,
        { extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: this.subgraph } },
      );
    } finally {
      stopTimer();
    }
  }
}
