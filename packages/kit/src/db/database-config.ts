import path from 'node:path';
import { z } from 'zod';
import { infraModeSchema, portSchema } from '../config.js';

export type DatabaseConfig =
  | { kind: 'sqlite'; file: string }
  | {
      kind: 'mysql';
      host: string;
      port: number;
      user: string;
      password: string;
      dbName: string;
      poolSize: number;
    };

/**
 * The database settings of one subgraph. Embedded: a SQLite file under SHOP_DATA_DIR. Real: the
 * subgraph's own MySQL database and user (`shop_<domain>`), credentials from the environment
 * (`pnpm infra:up` writes them into .data/infra/shop.env).
 */
export function databaseConfigSchema(domain: string) {
  const suffix = domain.toUpperCase();
  const userKey = `SHOP_DB_USER_${suffix}`;
  const passwordKey = `SHOP_DB_PASSWORD_${suffix}`;
  const nameKey = `SHOP_DB_NAME_${suffix}`;
  return z
    .looseObject({
      SHOP_INFRA: infraModeSchema,
      SHOP_DATA_DIR: z.string().default('.data'),
      SHOP_MYSQL_HOST: z.string().default('127.0.0.1'),
      SHOP_MYSQL_PORT: portSchema.default(3306),
      SHOP_DB_POOL_SIZE: z.coerce.number().int().positive().default(10),
    })
    .superRefine((env, ctx) => {
      if (env.SHOP_INFRA !== 'real') return;
      for (const key of [userKey, passwordKey]) {
        if (!env[key]) {
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: 'required when SHOP_INFRA=real (`pnpm infra:up` writes it)',
          });
        }
      }
    })
    .transform((env): DatabaseConfig => {
      if (env.SHOP_INFRA === 'embedded') {
        return { kind: 'sqlite', file: path.resolve(env.SHOP_DATA_DIR, 'db', `${domain}.sqlite`) };
      }
      return {
        kind: 'mysql',
        host: env.SHOP_MYSQL_HOST,
        port: env.SHOP_MYSQL_PORT,
        user: String(env[userKey]),
        password: String(env[passwordKey]),
        dbName: typeof env[nameKey] === 'string' ? env[nameKey] : `shop_${domain}`,
        poolSize: env.SHOP_DB_POOL_SIZE,
      };
    });
}
