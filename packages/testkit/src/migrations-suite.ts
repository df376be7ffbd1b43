import type { EntitySchema } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabaseOptions, type Orm } from '@shop/kit/db';
import { probeInfra } from './infra.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

const infra = await probeInfra(['mysql']);

/**
 * A subgraph's MySQL migrations, checked against its entities: up, down as far as they go
 * (`downTo`: the last migration with no way back, or 0 for all), up again, and nothing left that
 * syncing the schema to the entities would change beyond MikroORM's own noise.
 */
export function describeMigrations(
  service: string,
  options: {
    entities: EntitySchema[];
    migrations: NonNullable<OpenDatabaseOptions['migrations']>;
    downTo: string | 0;
  },
): void {
  describe.skipIf(!infra.ok)(`the ${service} MySQL migrations`, () => {
    let database: TestDatabase;
    let orm: Orm;

    beforeAll(async () => {
      database = await createTestDatabase('mysql', `${service}_migrations`);
      orm = await openDatabase({
        config: database.config,
        entities: options.entities,
        migrations: options.migrations,
      });
    });

    afterAll(async () => {
      await orm?.close();
      await database?.drop();
    });

    it('build the schema the entities describe, and come down again', async () => {
      const left = () => orm.schema.getUpdateSchemaSQL({ wrap: false });
      await orm.migrator.up();
      const migrated = await left();
      await orm.migrator.down({ to: options.downTo });
      await orm.migrator.up();
      expect(await left()).toBe(migrated);
      // What MikroORM still reports once the schema is synced to the entities is its own noise (it
      // sees nullable varchar and text columns as changed however often they are altered, and
      // MariaDB's JSON columns, which are text columns, with their checks); the migrations must
      // leave nothing beyond it.
      await syncToEntities(orm);
      expect(migrated).toBe(await left());
    });
  });
}

/**
 * `orm.schema.update()` less the one statement of its noise that MariaDB refuses. MariaDB makes a
 * JSON column a longtext with a column-level CHECK (json_valid(`column`)) named after the column,
 * whether the migrations or the entities created it. MikroORM reads that check as one the entities
 * lack and drops it, which MariaDB refuses ("Can't DROP CONSTRAINT"), before declaring the column
 * JSON again, which brings the check back. Only that drop is left out: the diffs compared still
 * list it, so a JSON column created as anything else, or any other check, still fails the suite.
 */
async function syncToEntities(orm: Orm): Promise<void> {
  const refused = new Set(
    (await implicitJsonChecks(orm)).map(
      ({ table, column }) => `alter table \`${table}\` drop constraint \`${column}\`;`,
    ),
  );
  const sql = await orm.schema.getUpdateSchemaSQL();
  await orm.schema.execute(
    sql
      .split('\n')
      .filter((line) => !refused.has(line.trim()))
      .join('\n'),
  );
}

/** The checks MariaDB adds to JSON columns (MySQL adds none, and has no `level` to tell them by). */
async function implicitJsonChecks(orm: Orm): Promise<{ table: string; column: string }[]> {
  const connection = orm.em.getConnection();
  const [{ version }] = await connection.execute<{ version: string }[]>(
    'select version() as version',
  );
  if (!/mariadb/i.test(version)) return [];
  return connection.execute<{ table: string; column: string }[]>(
    `select table_name as \`table\`, constraint_name as \`column\`
       from information_schema.check_constraints
      where constraint_schema = database() and level = 'Column'
        and check_clause = concat('json_valid(\`', constraint_name, '\`)')`,
  );
}
