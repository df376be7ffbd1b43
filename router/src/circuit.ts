import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  TaskCancelledError,
  TimeoutStrategy,
  circuitBreaker,
  handleWhen,
  timeout,
  wrap,
  type IPolicy,
} from 'cockatiel';
import { GraphQLError } from 'graphql';
import type { CircuitStateName, SubgraphFetchOutcome } from './metrics.js';

export interface CircuitSettings {
  /** Each fetch is abandoned (and its request aborted) after this long. */
  timeoutMs: number;
  /** Consecutive failed fetches that open the circuit. */
  consecutiveFailures: number;
  /** How long the circuit stays open before one trial fetch is let through (half-open). */
  halfOpenAfterMs: number;
}

const stateNames: Record<CircuitState, CircuitStateName> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Open]: 'open',
  [CircuitState.Isolated]: 'isolated',
};

/** The HTTP status of a subgraph's non-2xx answer, as RemoteGraphQLDataSource reports it. */
export function httpStatusOf(error: unknown): number | undefined {
  if (!(error instanceof GraphQLError)) return undefined;
  const response = error.extensions.response as { status?: unknown } | undefined;
  return typeof response?.status === 'number' ? response.status : undefined;
}

/**
 * What counts against a subgraph's health: timeouts, network failures, 5xx and malformed answers.
 * A 4xx is the subgraph refusing this request (e.g. a bad internal token), not being down.
 */
export function isSubgraphFailure(error: unknown): boolean {
  const status = httpStatusOf(error);
  return status === undefined || status >= 500;
}

export function fetchOutcomeOf(error: unknown): Exclude<SubgraphFetchOutcome, 'success'> {
  if (error instanceof BrokenCircuitError) return 'circuit_open';
  if (error instanceof TaskCancelledError) return 'timeout';
  return httpStatusOf(error) === undefined ? 'network_error' : 'http_error';
}

/**
 * One subgraph's circuit (cockatiel: a ConsecutiveBreaker around a timeout). While open, fetches
 * fail at once instead of waiting for a dead subgraph; after `halfOpenAfterMs` one trial fetch
 * goes through, and its success closes the circuit again.
 */
export class SubgraphCircuit {
  private readonly policy: IPolicy;

  constructor(settings: CircuitSettings, onStateChange: (state: CircuitStateName) => void) {
    const breaker = circuitBreaker(handleWhen(isSubgraphFailure), {
      halfOpenAfter: settings.halfOpenAfterMs,
      breaker: new ConsecutiveBreaker(settings.consecutiveFailures),
    });
    breaker.onStateChange((state) => onStateChange(stateNames[state]));
    // Not aborted on return: the answer is read by then, and an abort builds a DOMException.
    const perFetch = timeout(settings.timeoutMs, {
      strategy: TimeoutStrategy.Aggressive,
      abortOnReturn: false,
    });
    this.policy = wrap(breaker, perFetch);
  }

  /** Runs one fetch; `signal` aborts when the fetch times out, so its socket is released. */
  execute<T>(fetch: (signal: AbortSignal) => Promise<T>): Promise<T> {
    return this.policy.execute(({ signal }) => fetch(signal));
  }
}
