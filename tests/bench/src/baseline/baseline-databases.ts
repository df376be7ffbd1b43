import mysql from 'mysql2/promise';
import { domains } from '@shop/infra';
import { testMysqlServer } from '@shop/testkit';
import { seededRealShopEnv } from '../shop-process.js';
import type { BaselineCommit } from './baseline-commit.js';

/**
 * The settings that give a baseline commit's shop databases and a search index of its own
 * (`shop_test_bench_<sha>_<domain>`, owned by the test user, kept for the next run), so neither
 * commit's migrations ever meet the other's schema.
 */
async function baselineDatabaseEnv(baseline: BaselineCommit): Promise<Record<string, string>> {
  return {
    SHOP_CATALOG_INDEX_ALIAS: `bench-catalog-${baseline.short}`,
    ...(await benchDatabaseEnv(baseline.short, { fresh: false })),
  };
}

/**
 * Databases of a shop's own, dropped and created anew (`shop_test_bench_<label>_<domain>`, owned
 * by the test user): what a checkout is measured on, for this commit and a baseline alike, so
 * neither side's figures hang on how many runs filled its tables before (this commit's shop used
 * to buy on the shop's long-lived databases, a baseline's on databases kept per commit).
 */
export const freshDatabaseEnv = (label: string): Promise<Record<string, string>> =>
  benchDatabaseEnv(label, { fresh: true });

async function benchDatabaseEnv(
  label: string,
  { fresh }: { fresh: boolean },
): Promise<Record<string, string>> {
  const server = testMysqlServer();
  const { user, password } = server;
  const connection = await mysql.createConnection(server);
  const env: Record<string, string> = {};
  try {
    for (const domain of domains) {
      const name = `shop_test_bench_${label}_${domain}`;
      if (fresh) await connection.query(`drop database if exists \`${name}\``);
      await connection.query(
        `create database if not exists \`${name}\` character set utf8mb4 collate utf8mb4_unicode_ci`,
      );
      const suffix = domain.toUpperCase();
      Object.assign(env, {
        [`SHOP_DB_NAME_${suffix}`]: name,
        [`SHOP_DB_USER_${suffix}`]: user,
        [`SHOP_DB_PASSWORD_${suffix}`]: password,
      });
    }
  } finally {
    await connection.end();
  }
  return env;
}

/** A baseline commit's real-services shop settings, its own databases seeded with the demo catalogue. */
export async function seededBaselineShopEnv(
  baseline: BaselineCommit,
): Promise<Record<string, string>> {
  return seededRealShopEnv({
    root: baseline.root,
    env: { SHOP_INFRA: 'real', ...(await baselineDatabaseEnv(baseline)) },
  });
}
