import { randomBytes } from 'node:crypto';
import { ROOT_CONTEXT, SpanKind, TraceFlags, trace, type Context } from '@opentelemetry/api';
import { SamplingDecision } from '@opentelemetry/sdk-trace';
import { describe, expect, it } from 'vitest';
import { traceSampler } from '../../src/tracing/trace-sampler.js';

const newTraceId = () => randomBytes(16).toString('hex');

/** A parent span as a `traceparent` (remote) or as a span of this process (local) makes it. */
function parent(traceId: string, sampled: boolean, isRemote: boolean): Context {
  return trace.setSpanContext(ROOT_CONTEXT, {
    traceId,
    spanId: randomBytes(8).toString('hex'),
    traceFlags: sampled ? TraceFlags.SAMPLED : TraceFlags.NONE,
    isRemote,
  });
}

const kept = (sampler: ReturnType<typeof traceSampler>, context: Context, traceId: string) =>
  sampler.shouldSample(context, traceId, 'GET /graphql', SpanKind.SERVER, {}, []).decision ===
  SamplingDecision.RECORD_AND_SAMPLED;

describe('which traces are kept', () => {
  const ratio = 0.1;
  const sampler = traceSampler(ratio);
  const traceIds = Array.from({ length: 4_000 }, newTraceId);

  it('keeps about the ratio of new traces', () => {
    const share = traceIds.filter((id) => kept(sampler, ROOT_CONTEXT, id)).length / traceIds.length;
    expect(share).toBeGreaterThan(0.07);
    expect(share).toBeLessThan(0.13);
  });

  it('holds a client’s “sampled” traceparent to the same ratio: it cannot ask for every request', () => {
    const forced = traceIds.filter((id) => kept(sampler, parent(id, true, true), id));
    expect(forced.length / traceIds.length).toBeLessThan(0.13);
    // The same trace ids a root decision keeps: another process, deciding alone, agrees.
    expect(forced).toEqual(traceIds.filter((id) => kept(traceSampler(ratio), ROOT_CONTEXT, id)));
  });

  it('never revives a trace its parent dropped, and follows its own process’s spans', () => {
    const id = traceIds.find((each) => kept(sampler, ROOT_CONTEXT, each))!;
    expect(kept(sampler, parent(id, false, true), id)).toBe(false);
    expect(kept(sampler, parent(id, false, false), id)).toBe(false);
    const dropped = traceIds.find((each) => !kept(sampler, ROOT_CONTEXT, each))!;
    expect(kept(sampler, parent(dropped, true, false), dropped)).toBe(true);
  });

  it('keeps every trace at ratio 1, the development default', () => {
    const all = traceSampler(1);
    expect(traceIds.every((id) => kept(all, parent(id, true, true), id))).toBe(true);
  });
});
