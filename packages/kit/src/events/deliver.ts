import { setTimeout as sleep } from 'node:timers/promises';
import { eventEnvelopeSchema, type EventEnvelope } from '@shop/contracts';
import { processInSpan, recordFailure } from './event-spans.js';
import {
  defaultMaxAttempts,
  defaultRetryDelayMs,
  type EventTransport,
  type OutgoingMessage,
  type SubscribeOptions,
} from './transport.js';

export type DeliveryOutcome =
  | { ok: true }
  | { ok: false; reason: 'unparseable' | 'handler-failed'; error: string; attempts: number };

/** Parses a raw message into an envelope; a message that does not parse is a poison message. */
export function parseEnvelope(
  raw: string,
): { ok: true; event: EventEnvelope } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    return { ok: false, error: `not JSON: ${(error as Error).message}` };
  }
  const parsed = eventEnvelopeSchema.safeParse(json);
  if (!parsed.success)
    return { ok: false, error: `not an event envelope: ${parsed.error.message}` };
  return { ok: true, event: parsed.data };
}

/**
 * Runs the handler with bounded retries (linear back-off), in one span per event (a child of the
 * span that sent it). Shared by both transports so a poison message is treated the same way
 * everywhere: after the last attempt the caller dead-letters it.
 */
export async function deliverWithRetries(
  message: Pick<OutgoingMessage, 'topic' | 'value' | 'headers'>,
  options: SubscribeOptions,
  system: EventTransport['kind'],
  shouldContinue: () => boolean = () => true,
): Promise<DeliveryOutcome> {
  const parsed = parseEnvelope(message.value);
  if (!parsed.ok) return { ok: false, reason: 'unparseable', error: parsed.error, attempts: 0 };
  if (options.eventTypes && !options.eventTypes.has(parsed.event.type)) return { ok: true };
  const { topic } = message;
  const maxAttempts = options.maxAttempts ?? defaultMaxAttempts;
  const retryDelayMs = options.retryDelayMs ?? defaultRetryDelayMs;
  const processed = {
    service: options.service,
    group: options.group,
    system,
    topic,
    event: parsed.event,
    headers: message.headers,
  };
  return processInSpan(processed, async (span) => {
    let lastError = '';
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      try {
        await options.handler(parsed.event, { topic, attempt });
        return { ok: true };
      } catch (error) {
        if (error instanceof UnparseablePayloadError) {
          // Retries cannot make it parse: parked at once, like an envelope that does not parse.
          recordFailure(span, error.message);
          return { ok: false, reason: 'unparseable', error: error.message, attempts: attempt };
        }
        lastError = error instanceof Error ? error.message : String(error);
        // Each failed attempt shows in the span; only the last one fails it.
        span.addEvent('attempt failed', { attempt, error: lastError });
        if (attempt < maxAttempts && shouldContinue()) await sleep(retryDelayMs * attempt);
        if (!shouldContinue()) throw new DeliveryAbortedError(lastError);
      }
    }
    recordFailure(span, lastError);
    return { ok: false, reason: 'handler-failed', error: lastError, attempts: maxAttempts };
  });
}

/** The consumer is stopping: the event was not applied and must not be committed or dead-lettered. */
export class DeliveryAbortedError extends Error {
  override readonly name = 'DeliveryAbortedError';
}

/** An event whose payload its contract's schema refuses: a poison message, whoever handles it. */
export class UnparseablePayloadError extends Error {
  override readonly name = 'UnparseablePayloadError';
}
