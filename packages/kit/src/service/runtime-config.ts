import { z } from 'zod';
import { infraModeSchema, logFormatSchema } from '../config.js';
import { tracingConfigShape } from '../tracing/tracing-config.js';

/** Settings every process shares; each service adds its own on top. */
export const runtimeConfigSchema = z
  .looseObject({
    SHOP_INFRA: infraModeSchema,
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    SHOP_HOST: z.string().default('127.0.0.1'),
    SHOP_DATA_DIR: z.string().default('.data'),
    SHOP_LOG_FORMAT: logFormatSchema,
    /** Signs the internal tokens the router and services present to subgraphs. */
    SHOP_INTERNAL_SECRET: z
      .string()
      .min(32, { message: 'must be at least 32 characters' })
      .optional(),
    SHOP_KAFKA_BROKERS: z.string().default('127.0.0.1:19092'),
    /** Prefixes the shop's topics and consumer groups, for shops that share one broker. */
    SHOP_KAFKA_NAMESPACE: z
      .string()
      .regex(/^[a-z0-9-]+$/, { message: 'lower-case letters, digits and hyphens' })
      .optional(),
    SHOP_REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
    /** How long one internal call (order → product, …) may take before it counts as failed. */
    SHOP_INTERNAL_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(3000),
    /** Tests only: where the process dies on purpose (`crashPoint`). */
    SHOP_CRASH_POINTS: z.string().optional(),
    ...tracingConfigShape,
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && env.SHOP_CRASH_POINTS) {
      ctx.addIssue({
        code: 'custom',
        path: ['SHOP_CRASH_POINTS'],
        message: 'crash points are for tests: production refuses to start with any armed',
      });
    }
    if (env.SHOP_INFRA === 'real' && !env.SHOP_INTERNAL_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SHOP_INTERNAL_SECRET'],
        message:
          'required when SHOP_INFRA=real (`pnpm infra:up` writes one into .data/infra/shop.env)',
      });
    }
  });

export type RuntimeConfig = z.infer<typeof runtimeConfigSchema>;
