import { setTimeout as sleep } from 'node:timers/promises';
import { eventEnvelopeSchema, type EventEnvelope } from '@shop/contracts';
import {
  defaultMaxAttempts,
  defaultRetryDelayMs,
  type EventHandler,
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
 * Runs the handler with bounded retries (linear back-off). Shared by both transports so a poison
 * message is treated the same way everywhere: after the last attempt the caller dead-letters it.
 */
export async function deliverWithRetries(
  raw: string,
  topic: string,
  handler: EventHandler,
  options: Pick<SubscribeOptions, 'maxAttempts' | 'retryDelayMs'>,
  shouldContinue: () => boolean = () => true,
): Promise<DeliveryOutcome> {
  const parsed = parseEnvelope(raw);
  if (!parsed.ok) return { ok: false, reason: 'unparseable', error: parsed.error, attempts: 0 };
  const maxAttempts = options.maxAttempts ?? defaultMaxAttempts;
  const retryDelayMs = options.retryDelayMs ?? defaultRetryDelayMs;
  let lastError = '';
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    try {
      await handler(parsed.event, { topic, attempt });
      return { ok: true };
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
      if (attempt < maxAttempts && shouldContinue()) await sleep(retryDelayMs * attempt);
      if (!shouldContinue()) throw new DeliveryAbortedError(lastError);
    }
  }
  return { ok: false, reason: 'handler-failed', error: lastError, attempts: maxAttempts };
}

/** The consumer is stopping: the event was not applied and must not be committed or dead-lettered. */
export class DeliveryAbortedError extends Error {
  override readonly name = 'DeliveryAbortedError';
}
