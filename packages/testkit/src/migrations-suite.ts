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
      // sees nullable varchar and text columns as changed however often they are altered); the
      // migrations must leave nothing beyond it.
      await orm.schema.update();
      expect(migrated).toBe(await left());
    });
  });
}
