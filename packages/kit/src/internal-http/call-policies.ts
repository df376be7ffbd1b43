import {
  ConsecutiveBreaker,
  ExponentialBackoff,
  TimeoutStrategy,
  circuitBreaker,
  handleWhen,
  retry,
  timeout,
  wrap,
  type CircuitState,
} from 'cockatiel';
import { isNotSent, isTargetFailure, isTransientFailure } from './failures.js';

export interface CallPolicyOptions {
  timeoutMs: number;
  retries: number;
  breaker: { consecutiveFailures: number; halfOpenAfterMs: number };
  backoff: { initialDelayMs: number; maxDelayMs: number };
  onCircuitState(state: CircuitState): void;
}

/**
 * The policies of one target. Both share one circuit, so every call to the target feeds it.
 * Retry wraps the breaker, so an open circuit stops the retries; the timeout is per attempt.
 */
export function createCallPolicies(options: CallPolicyOptions) {
  // Not aborted on return: the body is read within the attempt, and an abort builds a DOMException.
  const perAttempt = timeout(options.timeoutMs, {
    strategy: TimeoutStrategy.Aggressive,
    abortOnReturn: false,
  });
  const circuit = circuitBreaker(handleWhen(isTargetFailure), {
    halfOpenAfter: options.breaker.halfOpenAfterMs,
    breaker: new ConsecutiveBreaker(options.breaker.consecutiveFailures),
  });
  circuit.onStateChange(options.onCircuitState);
  // ExponentialBackoff's default generator is decorrelated jitter.
  const retryWhen = (failure: (error: unknown) => boolean) =>
    retry(handleWhen(failure), {
      maxAttempts: options.retries,
      backoff: new ExponentialBackoff({
        initialDelay: options.backoff.initialDelayMs,
        maxDelay: options.backoff.maxDelayMs,
      }),
    });
  return {
    /** For idempotent calls: GET, or POST with an idempotency key. */
    retrying: wrap(retryWhen(isTransientFailure), circuit, perAttempt),
    /** For calls a repeat could apply twice: tried again only where nothing was sent. */
    once: wrap(retryWhen(isNotSent), circuit, perAttempt),
  };
}
