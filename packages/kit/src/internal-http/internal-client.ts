import { randomUUID } from 'node:crypto';
import { CircuitState, isBrokenCircuitError } from 'cockatiel';
import type { Registry } from 'prom-client';
import type { Logger } from '../logger.js';
import { createCallPolicies } from './call-policies.js';
import { createClientMetrics, type RequestOutcome } from './client-metrics.js';
import { InternalHttpError, ServiceUnavailableError } from './errors.js';
import { toCallerError } from './failures.js';
import {
  isConnectionRefused,
  type InstanceAnswer,
  type InstanceRequest,
  type ServiceInstances,
} from './service-instances.js';

export interface InternalClientOptions {
  /** The calling service, for metrics and logs. */
  service: string;
  /** The called service; names errors, metrics and its circuit. */
  target: string;
  /** The target's instances; every attempt goes to one that is in rotation. */
  instances: ServiceInstances;
  /** The service token, asked for on every attempt so a rotated token is picked up. */
  token: () => Promise<string> | string;
  /** Limit of each attempt, reading the body included. */
  timeoutMs: number;
  /** Repeats after the first attempt, for idempotent calls only. */
  retries: number;
  breaker: { consecutiveFailures: number; halfOpenAfterMs: number };
  /** Exponential backoff with jitter between retries; by default from ~100 ms up to 2 s. */
  backoff?: { initialDelayMs: number; maxDelayMs: number };
  logger: Logger;
  metricsRegistry?: Registry;
}

export interface CallOptions {
  /** The request id of the work this call belongs to; a fresh one when absent. */
  requestId?: string;
}

export interface PostOptions extends CallOptions {
  /** Makes the POST safe to repeat, so it is retried like a GET. */
  idempotencyKey?: string;
}

export interface InternalClient {
  get<T>(path: string, options?: CallOptions): Promise<T>;
  post<T>(path: string, body: unknown, options?: PostOptions): Promise<T>;
}

type Method = InstanceRequest['method'];

/**
 * A JSON client for one service's internal API. Throws `InternalHttpError` for a non-2xx answer
 * and `ServiceUnavailableError` when there is no answer (timeout, unreachable, circuit open).
 */
export function createInternalClient(options: InternalClientOptions): InternalClient {
  const { service, target, logger, instances } = options;
  const baseUrl = instances.origins[0];
  const metrics =
    options.metricsRegistry && createClientMetrics(options.metricsRegistry, service, target);
  const policies = createCallPolicies({
    ...options,
    backoff: options.backoff ?? { initialDelayMs: 100, maxDelayMs: 2000 },
    onCircuitState(state: CircuitState) {
      metrics?.circuitState(state);
      const level = state === CircuitState.Closed ? 'info' : 'warn';
      logger[level]({ target, circuit: CircuitState[state] }, 'internal circuit changed');
    },
  });

  async function call<T>(
    method: Method,
    path: string,
    body: unknown,
    { requestId = randomUUID(), idempotencyKey }: PostOptions,
  ): Promise<T> {
    const idempotent = method === 'GET' || idempotencyKey !== undefined;
    const policy = idempotent ? policies.retrying : policies.once;
    try {
      return await policy.execute(async ({ signal }) => {
        const headers: Record<string, string> = {
          accept: 'application/json',
          authorization: `Bearer ${await options.token()}`,
          'x-request-id': requestId,
        };
        if (body !== undefined) headers['content-type'] = 'application/json';
        if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
        const json = body === undefined ? undefined : JSON.stringify(body);
        return attempt<T>(path, requestId, idempotent, { method, headers, body: json, signal });
      });
    } catch (error) {
      if (isBrokenCircuitError(error)) metrics?.request('circuit_open');
      throw toCallerError(error, target);
    }
  }

  /** One HTTP request: sends, reads the JSON answer, records how it ended. */
  async function attempt<T>(
    path: string,
    requestId: string,
    idempotent: boolean,
    init: InstanceRequest & { signal: AbortSignal },
  ): Promise<T> {
    const request = `${init.method} ${path}`;
    const started = performance.now();
    const ended = (outcome: RequestOutcome, status?: number) => {
      metrics?.request(outcome, (performance.now() - started) / 1000);
      // A 4xx is a business answer (out of stock), not a sign of trouble.
      if (outcome !== 'success' && outcome !== 'client_error') {
        logger.warn({ target, request, requestId, outcome, status }, 'internal call failed');
      }
    };
    let answer: InstanceAnswer;
    try {
      answer = await instances.request(`${baseUrl}${path}`, init, { repeatable: idempotent });
    } catch (error) {
      // An aborted signal is this attempt's timeout: cockatiel has already failed it.
      if (init.signal.aborted) {
        ended('timeout');
        throw error;
      }
      if (isConnectionRefused(error)) {
        ended('refused');
        throw new ServiceUnavailableError(target, 'refused', { cause: error });
      }
      ended('unreachable');
      throw new ServiceUnavailableError(target, 'unreachable', { cause: error });
    }
    const payload = parseJson(answer.body);
    if (answer.status >= 200 && answer.status < 300) {
      ended('success');
      return payload as T;
    }
    ended(answer.status >= 500 ? 'server_error' : 'client_error', answer.status);
    throw new InternalHttpError(target, answer.status, payload, request);
  }

  return {
    get: (path, callOptions = {}) => call('GET', path, undefined, callOptions),
    post: (path, body, postOptions = {}) => call('POST', path, body, postOptions),
  };
}

/** An empty body is `undefined`; a body that is not JSON stays text (an error page, usually). */
function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
