import { isBrokenCircuitError, isTaskCancelledError } from 'cockatiel';
import { InternalHttpError, ServiceUnavailableError } from './errors.js';

const isNoAnswer = (error: unknown): boolean =>
  isTaskCancelledError(error) ||
  (error instanceof ServiceUnavailableError &&
    (error.reason === 'unreachable' || error.reason === 'refused'));

/** Nothing reached the target: even a call a repeat could apply twice may go to another instance. */
export function isNotSent(error: unknown): boolean {
  return error instanceof ServiceUnavailableError && error.reason === 'refused';
}

/** The target is unhealthy: counts towards opening its circuit. A 4xx is a healthy answer. */
export function isTargetFailure(error: unknown): boolean {
  return isNoAnswer(error) || (error instanceof InternalHttpError && error.status >= 500);
}

const transientStatuses = new Set([502, 503, 504]);

/** A failure a repeat may cure. A 500 is a bug on the other side: repeating it changes nothing. */
export function isTransientFailure(error: unknown): boolean {
  return (
    isNoAnswer(error) || (error instanceof InternalHttpError && transientStatuses.has(error.status))
  );
}

/** Turns cockatiel's errors into the typed error callers handle. */
export function toCallerError(error: unknown, target: string): unknown {
  if (isBrokenCircuitError(error)) {
    return new ServiceUnavailableError(target, 'circuit open', { cause: error });
  }
  if (isTaskCancelledError(error)) {
    return new ServiceUnavailableError(target, 'timeout', { cause: error });
  }
  return error;
}
