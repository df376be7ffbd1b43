import type { MigrationObject } from '@mikro-orm/core';
import { Migration } from '@mikro-orm/migrations';
import { createTestDatabase, probeInfra, type TestDatabase } from '@shop/testkit';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withNamedLock } from '../../src/db/named-lock.js';
import { openDatabase, prepareSchema, type Orm } from '../../src/db/open-database.js';

const infra = await probeInfra(['mysql']);

// Plain `create table` and a slow step: a second replica applying the same migration at the same
// time would fail on the table that exists, or record the migration twice.
class CreateWidgets extends Migration {
  override up(): void {
    this.addSql('create table `widget` (`id` int not null primary key) engine = InnoDB;');
    this.addSql('select sleep(0.5);');
  }
}
class AddWidgetName extends Migration {
  override up(): void {
    this.addSql("alter table `widget` add `name` varchar(50) not null default '';");
    this.addSql("insert into `widget` (`id`, `name`) values (1, 'first');");
  }
}
const migrations: MigrationObject[] = [
  { name: 'Migration20260101000000', class: CreateWidgets },
  { name: 'Migration20260101000001', class: AddWidgetName },
];

describe.skipIf(!infra.ok)(
  `migrations from replicas starting together${infra.ok ? '' : ` (${infra.reason})`}`,
  () => {
    let database: TestDatabase;
    let replicas: Orm[];

    beforeEach(async () => {
      database = await createTestDatabase('mysql', 'migration_lock');
      replicas = await Promise.all(
        [1, 2, 3].map(() =>
          openDatabase({
            config: database.config,
            entities: [],
            migrations: { list: migrations, folder: 'unused' },
          }),
        ),
      );
    });

    afterEach(async () => {
      for (const orm of replicas ?? []) await orm.close();
      await database?.drop();
    });

    it('applies each migration once while every replica starts', async () => {
      await Promise.all(replicas.map((orm) => prepareSchema(orm)));

      const connection = replicas[0]!.em.getConnection();
      const applied: { name: string }[] = await connection.execute(
        'select name from mikro_orm_migrations order by id',
      );
      expect(applied.map((row) => row.name)).toEqual(migrations.map((m) => m.name));
      expect(await connection.execute('select id, name from widget')).toEqual([
        { id: 1, name: 'first' },
      ]);
      // A later start finds nothing to do.
      await prepareSchema(replicas[1]!);
      expect(await connection.execute('select name from mikro_orm_migrations')).toHaveLength(2);
    });

    it('fails the start with a clear error when the lock cannot be had in time', async () => {
      const dbName = String(replicas[0]!.config.get('dbName'));
      let release!: () => void;
      let holding!: () => void;
      const taken = new Promise<void>((resolve) => (holding = resolve));
      // Another process in the middle of migrating, as far as the lock is concerned.
      const held = withNamedLock(
        replicas[0]!,
        `shop_migrations:${dbName}`,
        { waitSeconds: 0 },
        () => {
          holding();
          return new Promise<void>((done) => (release = done));
        },
      );
      await taken;
      await expect(prepareSchema(replicas[1]!, { lockWaitSeconds: 1 })).rejects.toThrow(
        `could not take the migration lock shop_migrations:${dbName} within 1 s`,
      );
      release();
      expect((await held).acquired).toBe(true);
      await prepareSchema(replicas[1]!);
    });
  },
);
