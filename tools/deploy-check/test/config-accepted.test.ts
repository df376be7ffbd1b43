import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { databaseConfigSchema } from '../../../packages/kit/src/db/database-config.js';
import { runtimeConfigSchema } from '../../../packages/kit/src/service/runtime-config.js';
import { routerConfigSchema } from '../../../router/src/config.js';
import { authConfigSchema } from '../../../subgraphs/auth/src/config.js';
import { catalogConfigSchema } from '../../../subgraphs/catalog/src/config.js';
import { deliveryConfigSchema } from '../../../subgraphs/delivery/src/config.js';
import { orderConfigSchema } from '../../../subgraphs/order/src/config.js';
import { paymentConfigSchema } from '../../../subgraphs/payment/src/config.js';
import { productConfigSchema } from '../../../subgraphs/product/src/config.js';
import { returnConfigSchema } from '../../../subgraphs/return/src/config.js';
import { settlementConfigSchema } from '../../../subgraphs/settlement/src/config.js';
import { subgraphNames } from '../src/rules.js';
import { environments } from './support.js';

/** The schemas each subgraph reads its own settings with (promotion and user have none). */
const subgraphSchemas: Record<string, z.ZodType | undefined> = {
  auth: authConfigSchema,
  catalog: catalogConfigSchema,
  delivery: deliveryConfigSchema,
  order: orderConfigSchema,
  payment: paymentConfigSchema,
  product: productConfigSchema,
  return: returnConfigSchema,
  settlement: settlementConfigSchema,
};

/** Parses like loadConfig, but returns the issues instead of throwing them. */
function parse(schema: z.ZodType, env: Record<string, string>) {
  const result = schema.safeParse(env);
  const issues = result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  return { data: result.success ? result.data : undefined, issues };
}

/** Defaults that point at this machine mean a setting the manifests forgot. */
function localDefaults(config: unknown): string[] {
  return Object.entries(config as Record<string, unknown>)
    .filter(([, value]) => /127\.0\.0\.1|localhost/.test(JSON.stringify(value) ?? ''))
    .map(([key, value]) => `${key}=${JSON.stringify(value)}`);
}

describe("the production manifests' environment", () => {
  const envs = environments();

  it.each([...envs.keys()])(
    'is accepted by %s in production mode, with nothing left local',
    (name) => {
      const env = envs.get(name)!;
      expect(env).toMatchObject({
        NODE_ENV: 'production',
        SHOP_INFRA: 'real',
        SHOP_HOST: '0.0.0.0',
      });
      const runtime = parse(runtimeConfigSchema, env);
      expect(runtime.issues).toEqual([]);
      expect(localDefaults(runtime.data)).toEqual([]);
      if (name === 'router') {
        const router = parse(routerConfigSchema, env);
        expect(router.issues).toEqual([]);
        expect(localDefaults(router.data)).toEqual([]);
        expect(Object.keys((router.data as { subgraphUrls: object }).subgraphUrls).sort()).toEqual(
          [...subgraphNames].sort(),
        );
        return;
      }
      const database = parse(databaseConfigSchema(name), env);
      expect(database.issues).toEqual([]);
      expect(database.data).toMatchObject({ kind: 'mysql', host: 'mysql', user: `shop_${name}` });
      const own = subgraphSchemas[name];
      if (own) {
        const config = parse(own, env);
        expect(config.issues).toEqual([]);
        expect(localDefaults(config.data)).toEqual([]);
      }
    },
  );

  it('never falls back to the PG sandbox key', () => {
    for (const [name, schema] of [
      ['payment', paymentConfigSchema],
      ['settlement', settlementConfigSchema],
    ] as const) {
      const { data } = parse(schema, envs.get(name)!);
      expect((data as { SHOP_PG_SECRET_KEY: string }).SHOP_PG_SECRET_KEY).not.toBe(
        'test_sk_sandbox',
      );
    }
  });

  it('gives each process only the secrets it uses', () => {
    const secretsOf = (name: string) =>
      Object.keys(envs.get(name)!)
        .filter((key) => /SECRET|PASSWORD/.test(key))
        .sort();
    expect(secretsOf('router')).toEqual(['SHOP_INTERNAL_SECRET']);
    expect(secretsOf('order')).toEqual(['SHOP_DB_PASSWORD_ORDER', 'SHOP_INTERNAL_SECRET']);
    expect(secretsOf('delivery')).toEqual([
      'SHOP_CARRIER_WEBHOOK_SECRET',
      'SHOP_DB_PASSWORD_DELIVERY',
      'SHOP_INTERNAL_SECRET',
    ]);
  });
});
