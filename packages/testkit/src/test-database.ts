import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import type { DatabaseConfig } from '@shop/kit/db';

export interface TestDatabase {
  config: DatabaseConfig;
  drop(): Promise<void>;
}

/** The MySQL server as the test user (`pnpm infra:up` creates it), who owns `shop_test_*`. */
export function testMysqlServer(env = process.env) {
  return {
    host: env.SHOP_MYSQL_HOST ?? '127.0.0.1',
    port: Number(env.SHOP_MYSQL_PORT ?? 3306),
    user: env.SHOP_DB_USER_TEST ?? 'shop_test',
    password: env.SHOP_DB_PASSWORD_TEST ?? '',
  };
}

/**
 * A fresh, empty database for one suite: a SQLite file in a temporary folder, or a MySQL database
 * `shop_test_<label>_<random>` owned by the `shop_test` user that `pnpm infra:up` creates.
 */
export async function createTestDatabase(
  kind: DatabaseConfig['kind'],
  label: string,
): Promise<TestDatabase> {
  const name = `shop_test_${label.replace(/\W/g, '_')}_${randomBytes(4).toString('hex')}`;
  if (kind === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'shop-test-'));
    return {
      config: { kind: 'sqlite', file: path.join(dir, `${name}.sqlite`) },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const server = testMysqlServer();
  const admin = await mysql.createConnection(server);
  await admin.query(`create database \`${name}\``);
  await admin.end();
  return {
    config: { kind: 'mysql', ...server, dbName: name, poolSize: 10 },
    drop: async () => {
      const connection = await mysql.createConnection(server);
      await connection.query(`drop database if exists \`${name}\``);
      await connection.end();
    },
  };
}
