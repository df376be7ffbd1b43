import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

/** How a client request ended: a small fixed set, so it can be a label. */
export type RequestOutcome =
  | 'success'
  /** Errors while executing (a subgraph's error, a resolver's). */
  | 'error'
  /** A subgraph it needed was down or its circuit open. */
  | 'subgraph_unavailable'
  /** A malformed or refused request: CSRF, batch, bad JSON, parse, validation, query limits. */
  | 'invalid'
  /** A subgraph refused (FORBIDDEN / UNAUTHENTICATED inside the response). */
  | 'denied'
  /** Refused before GraphQL ran: no valid token (401) or over the rate limit (429). */
  | 'unauthenticated'
  | 'rate_limited';

export type SubgraphFetchOutcome =
  'success' | 'http_error' | 'network_error' | 'timeout' | 'circuit_open';

export type CircuitStateName = 'closed' | 'half-open' | 'open' | 'isolated';
const circuitStateValue: Record<CircuitStateName, number> = {
  closed: 0,
  'half-open': 1,
  open: 2,
  isolated: 3,
};

function metric<T>(registry: Registry, name: string, create: () => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? create();
}

/**
 * The router's Prometheus metrics. Operation names come from clients, so the label keeps the first
 * `maxOperationNames` distinct names and reports later ones as `other`: a client inventing names
 * cannot blow up the series count.
 */
export class RouterMetrics {
  private readonly requests: Counter<'operation' | 'outcome'>;
  private readonly requestDuration: Histogram<'operation'>;
  private readonly fetches: Counter<'subgraph' | 'outcome'>;
  private readonly fetchDuration: Histogram<'subgraph'>;
  private readonly sharedFetches: Counter<'subgraph'>;
  private readonly passedThrough: Counter<'subgraph'>;
  private readonly circuit: Gauge<'subgraph'>;
  private readonly partnerRequests: Counter<'partner' | 'outcome'>;
  private readonly operationNames = new Set<string>();

  constructor(
    registry: Registry,
    private readonly maxOperationNames = 200,
  ) {
    const registers = [registry];
    this.requests = metric(
      registry,
      'router_requests_total',
      () =>
        new Counter({
          name: 'router_requests_total',
          help: 'Client requests to /graphql, by operation name and outcome',
          labelNames: ['operation', 'outcome'],
          registers,
        }),
    );
    this.requestDuration = metric(
      registry,
      'router_request_duration_seconds',
      () =>
        new Histogram({
          name: 'router_request_duration_seconds',
          help: 'Time from receiving a client request to sending its response',
          labelNames: ['operation'],
          buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
          registers,
        }),
    );
    this.fetches = metric(
      registry,
      'router_subgraph_fetches_total',
      () =>
        new Counter({
          name: 'router_subgraph_fetches_total',
          help: 'Fetches from the router to subgraphs, by outcome (circuit_open: not attempted)',
          labelNames: ['subgraph', 'outcome'],
          registers,
        }),
    );
    this.fetchDuration = metric(
      registry,
      'router_subgraph_fetch_duration_seconds',
      () =>
        new Histogram({
          name: 'router_subgraph_fetch_duration_seconds',
          help: 'Duration of attempted subgraph fetches',
          labelNames: ['subgraph'],
          buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
          registers,
        }),
    );
    this.sharedFetches = metric(
      registry,
      'router_subgraph_fetches_shared_total',
      () =>
        new Counter({
          name: 'router_subgraph_fetches_shared_total',
          help: 'Subgraph fetches not made: the answer of an identical one in flight was shared',
          labelNames: ['subgraph'],
          registers,
        }),
    );
    this.passedThrough = metric(
      registry,
      'router_operations_passed_through_total',
      () =>
        new Counter({
          name: 'router_operations_passed_through_total',
          help: "Operations answered with their one subgraph fetch's data as it came, not re-shaped",
          labelNames: ['subgraph'],
          registers,
        }),
    );
    this.circuit = metric(
      registry,
      'router_subgraph_circuit_state',
      () =>
        new Gauge({
          name: 'router_subgraph_circuit_state',
          help: 'Circuit breaker state per subgraph: 0 closed, 1 half-open, 2 open, 3 isolated',
          labelNames: ['subgraph'],
          registers,
        }),
    );
    this.partnerRequests = metric(
      registry,
      'router_partner_requests_total',
      () =>
        new Counter({
          name: 'router_partner_requests_total',
          help: 'Requests with a valid partner key, by partner and outcome (their usage)',
          labelNames: ['partner', 'outcome'],
          registers,
        }),
    );
  }

  /** `anonymous` for unnamed operations, `unknown` when refused before parsing. */
  operationLabel(name: string | undefined | null): string {
    if (name === undefined) return 'unknown';
    if (name === null || name === '') return 'anonymous';
    if (this.operationNames.has(name)) return name;
    if (this.operationNames.size >= this.maxOperationNames) return 'other';
    this.operationNames.add(name);
    return name;
  }

  requestFinished(operation: string, outcome: RequestOutcome, seconds: number): void {
    this.requests.inc({ operation, outcome });
    this.requestDuration.observe({ operation }, seconds);
  }

  /** Partners are registered by admins, so their names are a bounded label. */
  partnerRequestFinished(partner: string, outcome: RequestOutcome): void {
    this.partnerRequests.inc({ partner, outcome });
  }

  subgraphFetched(subgraph: string, outcome: SubgraphFetchOutcome, seconds?: number): void {
    this.fetches.inc({ subgraph, outcome });
    if (seconds !== undefined) this.fetchDuration.observe({ subgraph }, seconds);
  }

  subgraphFetchShared(subgraph: string): void {
    this.sharedFetches.inc({ subgraph });
  }

  operationPassedThrough(subgraph: string): void {
    this.passedThrough.inc({ subgraph });
  }

  circuitChanged(subgraph: string, state: CircuitStateName): void {
    this.circuit.set({ subgraph }, circuitStateValue[state]);
  }
}
