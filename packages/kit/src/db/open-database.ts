import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { EntitySchema, MigrationObject } from '@mikro-orm/core';
import { CompiledQuery, type DatabaseConnection } from 'kysely';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM as LibSqlMikroORM } from '@mikro-orm/libsql';
import { MikroORM as MySqlMikroORM } from '@mikro-orm/mysql';
import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/sql';
import type { DatabaseConfig } from './database-config.js';
import { kitEntities } from './kit-entities.js';
import { withNamedLock } from './named-lock.js';

export type Orm = MikroORM & { em: SqlEntityManager };
export type EntityManager = SqlEntityManager;

export interface OpenDatabaseOptions {
  config: DatabaseConfig;
  /** The subgraph's entities; the kit's outbox and inbox tables are added to them. */
  entities: EntitySchema[];
  /** MySQL schema history: the subgraph's migrations and the folder new ones are written to. */
  migrations?: { list: MigrationObject[]; folder: string };
}

/** Opens the subgraph's database: MySQL (real) or an embedded SQLite file, same entities. */
export async function openDatabase({
  config,
  entities,
  migrations,
}: OpenDatabaseOptions): Promise<Orm> {
  const common = {
    entities: [...entities, ...kitEntities],
    // A request or a consumer always works in its own fork; the global context is a bug.
    allowGlobalContext: false,
    forceUtcTimezone: true,
  };
  if (config.kind === 'sqlite') {
    mkdirSync(path.dirname(config.file), { recursive: true });
    const orm = await LibSqlMikroORM.init({ ...common, dbName: config.file });
    // WAL lets readers run beside the one writer; the busy timeout queues writers instead of failing.
    await orm.em.getConnection().execute('pragma journal_mode = wal');
    await orm.em.getConnection().execute('pragma busy_timeout = 5000');
    return orm as unknown as Orm;
  }
  const orm = await MySqlMikroORM.init({
    ...common,
    host: config.host,
    port: config.port,
    user: config.user,
    password: config.password,
    dbName: config.dbName,
    pool: { min: 0, max: config.poolSize },
    onCreateConnection: readCommitted,
    extensions: [Migrator],
    migrations: {
      path: migrations?.folder,
      pathTs: migrations?.folder,
      migrationsList: migrations?.list ?? [],
      snapshot: false,
      emit: 'ts',
    },
  });
  return orm as unknown as Orm;
}

/**
 * Every session reads committed data, the isolation PostgreSQL defaults to. The services' writes
 * rest on guarded updates, row locks and unique keys, never on a repeatable-read snapshot, and a
 * row read after waiting for its lock must be the row the previous holder committed. Set once per
 * connection: as a transaction's own setting it cost a statement per transaction (five a purchase).
 * Repeatable read's gap locks would also make every insert wait for a range a locking read holds,
 * such as the outbox rows a relay is publishing.
 */
const readCommitted = async (connection: unknown): Promise<void> => {
  // MikroORM's MySQL driver hands over Kysely's connection (its type says unknown).
  await (connection as DatabaseConnection).executeQuery(
    CompiledQuery.raw('set session transaction isolation level read committed'),
  );
};

/**
 * Brings the schema up to date: MySQL (what production runs) through the subgraph's migrations,
 * the embedded SQLite file by syncing it to the entities.
 *
 * Replicas of a service start together and would each apply the pending migrations: on MySQL they
 * queue on the named lock `shop_migrations:<database>`, so the first migrates and the others then
 * find nothing left to do. Waiting longer than `lockWaitSeconds` fails the start.
 */
export async function prepareSchema(
  orm: Orm,
  { lockWaitSeconds = 60 }: { lockWaitSeconds?: number } = {},
): Promise<void> {
  if (!isMySql(orm)) {
    await orm.schema.update();
    return;
  }
  const name = `shop_migrations:${orm.config.get('dbName')}`;
  const migrated = await withNamedLock(orm, name, { waitSeconds: lockWaitSeconds }, () =>
    orm.migrator.up(),
  );
  if (!migrated.acquired) {
    throw new Error(
      `could not take the migration lock ${name} within ${lockWaitSeconds} s: another process ` +
        'has been migrating this database (or holding the lock) all that time',
    );
  }
}

export function isMySql(orm: Pick<Orm, 'config'>): boolean {
  return orm.config.get('driver')?.name === 'MySqlDriver';
}
