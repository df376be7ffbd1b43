import { createTestDatabase, probeInfra, type TestDatabase } from '@shop/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type EntityManager, type Orm } from '../../src/db/open-database.js';

const infra = await probeInfra(['mysql']);

describe.skipIf(!infra.ok)(
  `a service's MySQL sessions read committed data${infra.ok ? '' : ` (${infra.reason})`}`,
  () => {
    let database: TestDatabase;
    let orm: Orm;
    /** Outside any transaction: another connection of the pool, committing at once. */
    const elsewhere = (sql: string) => orm.em.getConnection().execute(sql);
    const valueOf = async (tx: EntityManager, id: number): Promise<number | undefined> => {
      const rows: { value: number }[] = await tx
        .getConnection()
        .execute('select value from counter where id = ?', [id], 'all', tx.getTransactionContext());
      return rows[0]?.value;
    };

    beforeAll(async () => {
      database = await createTestDatabase('mysql', 'read_committed');
      orm = await openDatabase({ config: database.config, entities: [] });
      await elsewhere('create table counter (id int primary key, value int not null)');
      await elsewhere('insert into counter values (1, 0)');
    });

    afterAll(async () => {
      await orm?.close();
      await database?.drop();
    });

    it('sees, inside a transaction, what another committed after its first read', async () => {
      const seen = await orm.em.fork().transactional(async (tx) => {
        const before = await valueOf(tx, 1);
        await elsewhere('update counter set value = 1 where id = 1');
        return [before, await valueOf(tx, 1)];
      });
      // Repeatable read would answer [0, 0]: the first read fixed the transaction's snapshot.
      expect(seen).toEqual([0, 1]);
    });

    it('lets another insert into a range a locking read holds (no gap lock)', async () => {
      const inserted = await orm.em.fork().transactional(async (tx) => {
        // What a relay does: lock the pending rows, here none past id 5.
        await tx
          .getConnection()
          .execute(
            'select * from counter where id > 5 for update',
            [],
            'all',
            tx.getTransactionContext(),
          );
        return orm.em.fork().transactional(async (other) => {
          const run = (sql: string) =>
            other.getConnection().execute(sql, [], 'run', other.getTransactionContext());
          await run('set session innodb_lock_wait_timeout = 1');
          await run('insert into counter values (10, 0)');
          return valueOf(other, 10);
        });
      });
      // Repeatable read locks the gap after id 1: the insert would wait, then time out.
      expect(inserted).toBe(0);
    });
  },
);
