import { existsSync } from 'node:fs';
import mysql from 'mysql2/promise';
import { endpoints } from './ports.js';
import { run, waitUntil } from './processes.js';
import type { ServiceStatus } from './status.js';

export const domains = [
  'auth',
  'user',
  'product',
  'catalog',
  'order',
  'payment',
  'promotion',
  'delivery',
  'settlement',
  'return',
] as const;

const rootConnection = () =>
  mysql.createConnection({
    ...endpoints.mysql,
    user: process.env.SHOP_MYSQL_ROOT_USER ?? 'root',
    password: process.env.SHOP_MYSQL_ROOT_PASSWORD ?? '',
    connectTimeout: 2000,
  });

async function reachable(): Promise<boolean> {
  const connection = await rootConnection();
  await connection.end();
  return true;
}

/** Starts the machine's MariaDB if it is installed but stopped. */
async function startLocalMariaDb(): Promise<void> {
  const daemon = '/usr/sbin/mariadbd';
  if (!existsSync(daemon)) {
    throw new Error(
      `MySQL is not reachable at ${endpoints.mysql.host}:${endpoints.mysql.port}: start it, or set SHOP_MYSQL_HOST/SHOP_MYSQL_PORT`,
    );
  }
  console.log('mysql: starting the local MariaDB…');
  await run('start-stop-daemon', ['--start', '--oknodo', '--background', '--exec', daemon]);
  await waitUntil('mysql', reachable, { timeoutMs: 60_000 });
}

/**
 * One database and one user per subgraph, each user granted only its own database; `shop_test`
 * may create and drop `shop_test_*` databases (a fresh one per test suite). Idempotent.
 */
export async function provisionMysql(passwords: Record<string, string>): Promise<void> {
  if (!(await reachable().catch(() => false))) await startLocalMariaDb();
  const connection = await rootConnection();
  try {
    const grant = async (user: string, password: string, scope: string) => {
      for (const host of ['%', 'localhost']) {
        await connection.query(`create user if not exists ?@? identified by ?`, [
          user,
          host,
          password,
        ]);
        await connection.query(`alter user ?@? identified by ?`, [user, host, password]);
        await connection.query(`grant all privileges on ${scope} to ?@?`, [user, host]);
      }
    };
    for (const domain of domains) {
      await connection.query(
        `create database if not exists \`shop_${domain}\` character set utf8mb4 collate utf8mb4_unicode_ci`,
      );
      await grant(`shop_${domain}`, passwords[domain]!, `\`shop_${domain}\`.*`);
    }
    await grant('shop_test', passwords.test!, '`shop\\_test\\_%`.*');
    await connection.query('flush privileges');
  } finally {
    await connection.end();
  }
}

export async function mysqlStatus(): Promise<ServiceStatus> {
  const endpoint = `${endpoints.mysql.host}:${endpoints.mysql.port}`;
  try {
    const connection = await rootConnection();
    const [rows] = await connection.query('select version() as version');
    await connection.end();
    return {
      service: 'MySQL',
      up: true,
      version: (rows as { version: string }[])[0]?.version,
      endpoint,
    };
  } catch {
    return { service: 'MySQL', up: false, version: undefined, endpoint };
  }
}
