import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { registeredMetric } from '../ops/metrics.js';

/** How one request (or a call refused by the open circuit) ended. */
export type RequestOutcome =
  | 'success'
  | 'client_error'
  | 'server_error'
  | 'timeout'
  | 'unreachable'
  | 'refused'
  | 'circuit_open';

export interface ClientMetrics {
  /** `seconds` is absent when no request was sent (the circuit refused the call). */
  request(outcome: RequestOutcome, seconds?: number): void;
  /** cockatiel's `CircuitState`: 0 closed, 1 open, 2 half-open, 3 isolated. */
  circuitState(state: number): void;
}

// Labelled by the calling service too: the embedded run hosts every service in one process.
const labelNames = ['service', 'target'] as const;

/**
 * The client's metrics on `registry`. Every client of the process shares the same three metrics,
 * so the first one registers them and the others reuse them.
 */
export function createClientMetrics(
  registry: Registry,
  service: string,
  target: string,
): ClientMetrics {
  const requests = registeredMetric(registry, 'internal_http_requests_total', (name) => {
    return new Counter({
      name,
      help: 'Internal HTTP requests to other services, by outcome',
      labelNames: [...labelNames, 'outcome'],
      registers: [registry],
    });
  });
  const duration = registeredMetric(registry, 'internal_http_request_duration_seconds', (name) => {
    return new Histogram({
      name,
      help: 'Duration of internal HTTP requests to other services, by outcome',
      labelNames: [...labelNames, 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
  });
  const circuit = registeredMetric(registry, 'internal_http_circuit_state', (name) => {
    return new Gauge({
      name,
      help: 'Circuit breaker state per target: 0 closed, 1 open, 2 half-open, 3 isolated',
      labelNames: [...labelNames],
      registers: [registry],
    });
  });
  circuit.set({ service, target }, 0);

  return {
    request(outcome, seconds) {
      requests.inc({ service, target, outcome });
      if (seconds !== undefined) duration.observe({ service, target, outcome }, seconds);
    },
    circuitState(state) {
      circuit.set({ service, target }, state);
    },
  };
}

/**
 * `internal_http_instance_up{service,target,instance}`: 1 while an instance is in its callers'
 * rotation, 0 once they left it (how long routing around a dead instance took is read from it).
 */
export function instanceUpGauge(registry: Registry): Gauge<'service' | 'target' | 'instance'> {
  return registeredMetric(
    registry,
    'internal_http_instance_up',
    (name) =>
      new Gauge({
        name,
        help: 'Whether an instance of a service is in the rotation of its callers in this process',
        labelNames: [...labelNames, 'instance'],
        registers: [registry],
      }),
  );
}
