import { z } from 'zod';

/**
 * Tracing settings every process reads (part of the runtime's schema). Off unless asked, so the
 * embedded `pnpm start` and the tests run as before; `zipkin` sends every process's spans to the
 * Zipkin server `pnpm infra:up` starts (its URL is in .data/infra/shop.env).
 */
/** Where `pnpm infra:up` runs Zipkin. */
export const localZipkinUrl = 'http://127.0.0.1:19411';

export const tracingConfigShape = {
  SHOP_TRACING: z.enum(['off', 'zipkin']).default('off'),
  /**
   * Zipkin's base URL: spans go to `/api/v2/spans`, the UI and query API are beside it. Read only
   * with `SHOP_TRACING=zipkin` (then `localZipkinUrl` if unset), so a process that does not trace
   * holds no local address.
   */
  SHOP_ZIPKIN_URL: z.url().optional(),
  /**
   * The share of traces kept (0–1), decided by trace id in every process alike, so a kept trace
   * is whole; a sampled `traceparent` from outside is held to it too (`traceSampler`).
   */
  SHOP_TRACE_SAMPLE_RATIO: z.coerce.number().min(0).max(1).default(1),
};

/** The settings alone, for a process without a runtime (`pnpm start`'s own). */
export const tracingConfigSchema = z.looseObject(tracingConfigShape);
export type TracingConfig = z.infer<typeof tracingConfigSchema>;
