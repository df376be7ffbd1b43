import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Orm } from '@shop/kit/db';
import { createTestDatabase, probeInfra, type TestDatabase } from '@shop/testkit';
import { productEntities } from '../src/domain/entities.js';
import { Reservation } from '../src/domain/reservation.entity.js';
import { Sku } from '../src/domain/sku.entity.js';
import { StockMovement } from '../src/domain/stock-movement.entity.js';
import { StockReservations } from '../src/services/stock-reservations.js';

const infra = await probeInfra(['mysql']);
const databases = [
  { name: 'SQLite', kind: 'sqlite' as const, skip: false },
  { name: 'MySQL', kind: 'mysql' as const, skip: !infra.ok },
];

describe.each(databases)('stock reservations on $name', ({ kind, skip }) => {
  if (skip) {
    it.skip(`needs MySQL: ${infra.reason}`, () => {});
    return;
  }
  let database: TestDatabase;
  let orm: Orm;
  const reservations = new StockReservations(900);

  beforeAll(async () => {
    database = await createTestDatabase(kind, 'stock_reservations');
    orm = await openDatabase({ config: database.config, entities: productEntities });
    await orm.schema.update();
  });

  afterAll(async () => {
    await orm.close();
    await database.drop();
  });

  async function newSku(onHand: number): Promise<string> {
    const em = orm.em.fork();
    const id = randomUUID();
    em.persist(
      em.create(Sku, {
        id,
        productId: randomUUID(),
        code: `SKU-${id.slice(0, 8)}`,
        price: 19_900,
        onHand,
      }),
    );
    em.persist(
      em.create(StockMovement, {
        skuId: id,
        kind: 'RECEIVED',
        quantity: onHand,
        reference: 'initial',
      }),
    );
    await em.flush();
    return id;
  }

  async function stockOf(skuId: string) {
    const sku = await orm.em.fork().findOneOrFail(Sku, { id: skuId });
    const movements = await orm.em.fork().find(StockMovement, { skuId });
    return {
      onHand: sku.onHand,
      reserved: sku.reserved,
      movementTotal: movements.reduce((sum, movement) => sum + movement.quantity, 0),
    };
  }

  it('lets exactly 10 of 200 concurrent buyers reserve a SKU with stock 10', async () => {
    const skuId = await newSku(10);
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, () =>
        reservations.reserve(orm.em, randomUUID(), [{ skuId, quantity: 1 }]),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.kind === 'reserved')).toHaveLength(10);
    expect(outcomes.filter((outcome) => outcome.kind === 'out-of-stock')).toHaveLength(190);
    expect(await stockOf(skuId)).toEqual({ onHand: 10, reserved: 10, movementTotal: 10 });
    expect(await orm.em.fork().count(Reservation, { skuId, status: 'ACTIVE' })).toBe(10);
  });

  it('reserves all lines of an order or none', async () => {
    const plenty = await newSku(5);
    const scarce = await newSku(1);
    const outcome = await reservations.reserve(orm.em, randomUUID(), [
      { skuId: plenty, quantity: 2 },
      { skuId: scarce, quantity: 2 },
    ]);
    expect(outcome).toMatchObject({ kind: 'out-of-stock', skuId: scarce, requested: 2 });
    expect((await stockOf(plenty)).reserved).toBe(0);
    expect((await stockOf(scarce)).reserved).toBe(0);
  });

  it('treats a repeated reservation of one order as a no-op, even when concurrent', async () => {
    const skuId = await newSku(10);
    const orderId = randomUUID();
    await Promise.all(
      Array.from({ length: 5 }, () =>
        reservations.reserve(orm.em, orderId, [{ skuId, quantity: 3 }]),
      ),
    );
    expect(await reservations.reserve(orm.em, orderId, [{ skuId, quantity: 3 }])).toMatchObject({
      kind: 'reserved',
    });
    expect((await stockOf(skuId)).reserved).toBe(3);
  });

  it('commits once on payment and releases once on cancellation, conserving stock', async () => {
    const skuId = await newSku(10);
    const paid = randomUUID();
    const cancelled = randomUUID();
    await reservations.reserve(orm.em, paid, [{ skuId, quantity: 4 }]);
    await reservations.reserve(orm.em, cancelled, [{ skuId, quantity: 3 }]);
    const commits = await Promise.all(
      Array.from({ length: 5 }, () => reservations.commit(orm.em, paid)),
    );
    expect(commits.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await reservations.release(orm.em, cancelled)).toBe(1);
    expect(await reservations.release(orm.em, cancelled)).toBe(0);
    // A committed reservation cannot be released afterwards.
    expect(await reservations.release(orm.em, paid)).toBe(0);
    expect(await stockOf(skuId)).toEqual({ onHand: 6, reserved: 0, movementTotal: 6 });
  });

  it('expires unpaid reservations and gives their stock back', async () => {
    const skuId = await newSku(2);
    const shortLived = new StockReservations(0);
    await shortLived.reserve(orm.em, randomUUID(), [{ skuId, quantity: 2 }]);
    expect((await stockOf(skuId)).reserved).toBe(2);
    expect(await reservations.expireDue(orm.em, new Date(Date.now() + 1000))).toBe(1);
    expect(await stockOf(skuId)).toEqual({ onHand: 2, reserved: 0, movementTotal: 2 });
    const again = await reservations.reserve(orm.em, randomUUID(), [{ skuId, quantity: 2 }]);
    expect(again.kind).toBe('reserved');
  });
});
