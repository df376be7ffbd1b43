import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type Orm } from '@shop/kit/db';
import { createTestDatabase, type TestDatabase } from '@shop/testkit';
import { describeOnEachDatabase } from '@shop/testkit/each-database';
import { returnEntities } from '../src/domain/entities.js';
import { Return, type ReturnStatus } from '../src/domain/return.entity.js';
import { countReturnsByStatus } from '../src/services/return-counts.js';

describeOnEachDatabase('the admin’s return counts on $name', (kind) => {
  let database: TestDatabase;
  let orm: Orm;

  beforeAll(async () => {
    database = await createTestDatabase(kind, 'return_counts');
    orm = await openDatabase({ config: database.config, entities: returnEntities });
    await orm.schema.update();
    const em = orm.em.fork();
    const statuses: ReturnStatus[] = ['REQUESTED', 'REQUESTED', 'RECEIVED', 'REFUNDED', 'REJECTED'];
    for (const status of statuses)
      em.create(Return, {
        id: randomUUID(),
        orderId: randomUUID(),
        userId: randomUUID(),
        type: 'RETURN',
        reason: 'DEFECTIVE',
        status,
      });
    await em.flush();
  });
  afterAll(async () => {
    await orm?.close();
    await database?.drop();
  });

  it('counts each status asked, in the order asked, a status without returns as 0', async () => {
    expect(
      await countReturnsByStatus(orm.em.fork(), ['REQUESTED', 'APPROVED', 'RECEIVED']),
    ).toEqual([
      { status: 'REQUESTED', count: 2 },
      { status: 'APPROVED', count: 0 },
      { status: 'RECEIVED', count: 1 },
    ]);
  });

  it('asks once per status however often it is named, and nothing for no statuses', async () => {
    expect(await countReturnsByStatus(orm.em.fork(), ['REFUNDED', 'REFUNDED'])).toEqual([
      { status: 'REFUNDED', count: 1 },
    ]);
    expect(await countReturnsByStatus(orm.em.fork(), [])).toEqual([]);
  });
});
