import { context, propagation, ROOT_CONTEXT, type Context } from '@opentelemetry/api';

/** W3C trace context as message headers: `traceparent`, and `tracestate` when there is one. */
export type TraceHeaders = Record<string, string>;

/** A context's trace as headers; empty when nothing is traced (tracing off: no propagator). */
export function traceHeadersOf(traced: Context): TraceHeaders {
  const headers: TraceHeaders = {};
  propagation.inject(traced, headers);
  return headers;
}

/** The active span's context as headers, for work that goes on elsewhere (an event's consumers). */
export function traceHeadersOfActiveSpan(): TraceHeaders {
  return traceHeadersOf(context.active());
}

/** The context the headers carry, to continue their trace; the root context without them. */
export function contextOfTraceHeaders(headers: TraceHeaders | null | undefined): Context {
  return headers ? propagation.extract(ROOT_CONTEXT, headers) : ROOT_CONTEXT;
}
