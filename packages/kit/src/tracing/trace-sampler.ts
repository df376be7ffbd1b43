import {
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
  type Sampler,
} from '@opentelemetry/sdk-trace';

/**
 * Which traces are kept: `ratio` of them, decided by the trace id. A parent from another process
 * (a request's or an event's `traceparent`) that says "sampled" is held to the same ratio, not
 * obeyed: every process with the same ratio decides the same for the same trace id, so a kept
 * trace stays whole across the router, subgraphs and Kafka, and no client can make the shop
 * trace all its requests by sending its own `traceparent`. A local parent is followed.
 */
export function traceSampler(ratio: number): Sampler {
  const byTraceId = new TraceIdRatioBasedSampler(ratio);
  return new ParentBasedSampler({ root: byTraceId, remoteParentSampled: byTraceId });
}
