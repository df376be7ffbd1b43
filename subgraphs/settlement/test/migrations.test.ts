import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Orm } from '@shop/kit/db';
import { createTestDatabase, probeInfra, type TestDatabase } from '@shop/testkit';
import { settlementEntities } from '../src/domain/entities.js';
import { migrationsList } from '../src/migrations/index.js';

const infra = await probeInfra(['mysql']);

describe.skipIf(!infra.ok)('the settlement MySQL migrations', () => {
  let database: TestDatabase;
  let orm: Orm;

  beforeAll(async () => {
    database = await createTestDatabase('mysql', 'settlement_migrations');
    orm = await openDatabase({
      config: database.config,
      entities: settlementEntities,
      migrations: {
        list: migrationsList,
        folder: fileURLToPath(new URL('../src/migrations', import.meta.url)),
      },
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
    await orm.migrator.down({ to: 0 });
    await orm.migrator.up();
    expect(await left()).toBe(migrated);
    // What MikroORM still reports once the schema is synced to the entities is its own noise (it
    // sees nullable varchar and text columns as changed however often they are altered); the
    // migrations must leave nothing beyond it.
    await orm.schema.update();
    expect(migrated).toBe(await left());
  });
});
