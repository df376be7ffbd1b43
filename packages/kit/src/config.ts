import { z } from 'zod';
import { developmentSettingProblems, refusesDevelopmentSettings } from './development-defaults.js';

/** Thrown at start-up when the environment is wrong; the message lists every problem at once. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Parses the environment against a zod schema and fails fast with every error, so an operator
 * fixes the whole configuration in one go instead of one variable per restart. In production
 * (`NODE_ENV=production`, `SHOP_INFRA=real`) a development default or sandbox secret in effect is
 * an error too (see `developmentSettings`), listed with the others in the same message.
 */
export function loadConfig<Schema extends z.ZodType>(
  service: string,
  schema: Schema,
  env: Record<string, string | undefined> = process.env,
): z.infer<Schema> {
  const result = schema.safeParse(env);
  const problems = result.success
    ? []
    : result.error.issues.map((issue) => ({
        key: issue.path.join('.') || '(root)',
        message: issue.message,
      }));
  if (refusesDevelopmentSettings(env)) {
    const reported = new Set(problems.map((problem) => problem.key));
    for (const problem of developmentSettingProblems(
      service,
      env,
      result.success ? result.data : undefined,
    ))
      if (!reported.has(problem.key)) problems.push(problem);
  }
  if (result.success && problems.length === 0) return result.data;
  throw new ConfigError(
    `${service}: the configuration is invalid. Set or fix these environment variables:\n${problems
      .map((problem) => `  - ${problem.key}: ${problem.message}`)
      .join('\n')}`,
  );
}

/** `embedded` runs on SQLite, in-process events and memory caches; `real` on MySQL, Kafka, Redis. */
export const infraModeSchema = z.enum(['embedded', 'real']).default('embedded');
export type InfraMode = z.infer<typeof infraModeSchema>;

export const logLevelSchema = z
  .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  .default('info');

/** `json`, one object a line, for machines and log collectors; `pretty` for a person at a terminal. */
export const logFormatSchema = z.enum(['json', 'pretty']).default('json');
export type LogFormat = z.infer<typeof logFormatSchema>;

export const portSchema = z.coerce.number().int().min(0).max(65535);
