import { context, isSpanContextValid, trace } from '@opentelemetry/api';

/**
 * pino's mixin: the active span's ids on each line logged inside a trace, under the names
 * OpenTelemetry gives them in logs, so a line leads to its trace and a trace to its lines.
 */
export function traceLogFields(): Record<string, string> {
  const spanContext = trace.getSpan(context.active())?.spanContext();
  if (!spanContext || !isSpanContextValid(spanContext)) return {};
  return {
    trace_id: spanContext.traceId,
    span_id: spanContext.spanId,
    trace_flags: `0${spanContext.traceFlags.toString(16)}`,
  };
}
