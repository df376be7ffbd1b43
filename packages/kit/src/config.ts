import { z } from 'zod';

/** Thrown at start-up when the environment is wrong; the message lists every problem at once. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Parses the environment against a zod schema and fails fast with every error, so an operator
 * fixes the whole configuration in one go instead of one variable per restart.
 */
export function loadConfig<Schema extends z.ZodType>(
  service: string,
  schema: Schema,
  env: Record<string, string | undefined> = process.env,
): z.infer<Schema> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`,
  );
  throw new ConfigError(
    `${service}: the configuration is invalid. Set or fix these environment variables:\n${problems.join('\n')}`,
  );
}

/** `embedded` runs on SQLite, in-process events and memory caches; `real` on MySQL, Kafka, Redis. */
export const infraModeSchema = z.enum(['embedded', 'real']).default('embedded');
export type InfraMode = z.infer<typeof infraModeSchema>;

export const logLevelSchema = z
  .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  .default('info');

export const portSchema = z.coerce.number().int().min(0).max(65535);
