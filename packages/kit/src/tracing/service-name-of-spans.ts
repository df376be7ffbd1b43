import { trace, type Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

/**
 * Names each span's service in a process that runs several (the embedded shop, the tests). One
 * tracer provider has one resource, so the name goes on the span as `service.name`, which the
 * Zipkin exporter reads before the resource's. A span that begins a service's work is named where
 * it begins (a request by the port that took it, an event's send and handling by the kit); any
 * other span takes its local parent's name. Unnamed spans fall back to the resource, which names
 * the process (a process of one service: that service).
 */
export class ServiceNameOfSpans implements SpanProcessor {
  onStart(span: Span, parentContext: Context): void {
    if (span.attributes[ATTR_SERVICE_NAME] !== undefined) return;
    // A local parent is an SDK span with attributes; a remote one (from a traceparent) has none.
    const parent = trace.getSpan(parentContext) as Partial<ReadableSpan> | undefined;
    const service = parent?.attributes?.[ATTR_SERVICE_NAME];
    if (service !== undefined) span.setAttribute(ATTR_SERVICE_NAME, service);
  }

  onEnd(): void {}

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}
