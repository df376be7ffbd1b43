import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { defineEntity, p } from '@mikro-orm/core';
import { createTestDatabase, type TestDatabase } from '@shop/testkit';
import { describeOnEachDatabase } from '@shop/testkit/each-database';
import { openDatabase, rowsWhereIn, type Orm } from '../../src/db/index.js';

// A row of every kind of column the subgraphs' loaders read: text, integer, boolean, JSON, a
// nullable reference, a time.
const ShelfSchema = defineEntity({
  name: 'Shelf',
  tableName: 'shelf',
  properties: {
    id: p.string().length(36).primary(),
    aisleId: p.string().length(36).nullable().index(),
    label: p.string().length(64),
    position: p.integer().default(0),
    enabled: p.boolean().default(true),
    options: p.json<Record<string, string>>(),
    stockedAt: p.datetime(),
  },
});
class Shelf extends ShelfSchema.class {}
ShelfSchema.setClass(Shelf);

describeOnEachDatabase('rows where a column is one of some values (%s)', (kind) => {
  let database: TestDatabase;
  let orm: Orm;
  const aisle = randomUUID();
  const stockedAt = new Date('2026-12-07T05:00:00Z');
  const shelves = [
    {
      id: randomUUID(),
      aisleId: aisle,
      label: '둘째',
      position: 2,
      enabled: false,
      options: { 색상: '블랙' },
      stockedAt,
    },
    {
      id: randomUUID(),
      aisleId: aisle,
      label: '첫째',
      position: 1,
      enabled: true,
      options: {},
      stockedAt,
    },
    {
      id: randomUUID(),
      aisleId: null,
      label: '밖',
      position: 0,
      enabled: true,
      options: { a: 'b' },
      stockedAt,
    },
  ];

  beforeAll(async () => {
    database = await createTestDatabase(kind, 'rows_where_in');
    orm = await openDatabase({ config: database.config, entities: [ShelfSchema] });
    await orm.schema.update();
    const em = orm.em.fork();
    for (const shelf of shelves) em.persist(em.create(Shelf, shelf));
    await em.flush();
  });
  afterAll(async () => {
    await orm?.close();
    await database?.drop();
  });

  it('reads the same entities as a find, typed alike, in the order asked', async () => {
    const ids = shelves.map((shelf) => shelf.id);
    const found = await orm.em
      .fork()
      .find(Shelf, { id: { $in: ids } }, { orderBy: { position: 'asc' } });
    const read = await rowsWhereIn(orm.em.fork(), Shelf, 'id', ids, ['position']);
    expect(read.map((shelf) => ({ ...shelf }))).toEqual(found.map((shelf) => ({ ...shelf })));
    expect(read.map((shelf) => shelf.label)).toEqual(['밖', '첫째', '둘째']);
    expect(read[2]).toMatchObject({ enabled: false, options: { 색상: '블랙' }, aisleId: aisle });
    expect(read[2]!.stockedAt.getTime()).toBe(stockedAt.getTime());
    expect(read[0]).toBeInstanceOf(Shelf);
  });

  it('matches on any column, and answers nothing for no values or values no row has', async () => {
    const em = orm.em.fork();
    const inAisle = await rowsWhereIn(em, Shelf, 'aisleId', [aisle, randomUUID()], ['position']);
    expect(inAisle.map((shelf) => shelf.label)).toEqual(['첫째', '둘째']);
    expect(await rowsWhereIn(em, Shelf, 'id', [])).toEqual([]);
    expect(await rowsWhereIn(em, Shelf, 'id', [randomUUID()])).toEqual([]);
  });

  it('merges into the identity map like a find: one entity per row, whoever read it first', async () => {
    const em = orm.em.fork();
    const [first] = await rowsWhereIn(em, Shelf, 'id', [shelves[0]!.id]);
    const found = await em.findOneOrFail(Shelf, { id: shelves[0]!.id });
    const [again] = await rowsWhereIn(em, Shelf, 'id', [shelves[0]!.id]);
    expect(found).toBe(first);
    expect(again).toBe(first);
  });
});
