import { randomUUID } from 'node:crypto';
import type { ProductSnapshot } from '@shop/contracts';
import { afterAll, assert, beforeAll, expect, it } from 'vitest';
import { openDatabase, type Orm } from '@shop/kit/db';
import { createTestDatabase, type TestDatabase } from '@shop/testkit';
import { describeOnEachDatabase } from '@shop/testkit/each-database';
import { productEntities } from '../src/domain/entities.js';
import { Reservation } from '../src/domain/reservation.entity.js';
import { Sku } from '../src/domain/sku.entity.js';
import { StockMovement } from '../src/domain/stock-movement.entity.js';
import { Outbox, OutboxEvent } from '@shop/kit/events';
import { ProductCatalog } from '../src/services/product-catalog.js';
import { ProductChanges } from '../src/services/product-changes.js';
import { StockReservations } from '../src/services/stock-reservations.js';

describeOnEachDatabase('stock reservations on $name', (kind) => {
  let database: TestDatabase;
  let orm: Orm;
  const outbox = new Outbox('product');
  const changes = new ProductChanges(outbox);
  const catalog = new ProductCatalog({ outbox, changes });
  const shortfalls: number[] = [];
  const onShortfall = (units: number) => shortfalls.push(units);
  const reservations = new StockReservations({ ttlSeconds: 900, outbox, changes, onShortfall });

  beforeAll(async () => {
    database = await createTestDatabase(kind, 'stock_reservations');
    orm = await openDatabase({ config: database.config, entities: productEntities });
    await orm.schema.update();
  });

  afterAll(async () => {
    await orm.close();
    await database.drop();
  });

  /** A product on sale with one SKU holding `onHand` units. */
  async function newSku(onHand: number, status: 'ACTIVE' | 'DRAFT' = 'ACTIVE'): Promise<string> {
    const outcome = await catalog.createProduct(orm.em.fork(), {
      name: `상품 ${randomUUID().slice(0, 8)}`,
      status,
      basePrice: 19_900,
      initialStock: onHand,
    });
    if (outcome.kind !== 'saved') throw new Error(`product not created: ${outcome.kind}`);
    const [sku] = await orm.em.fork().find(Sku, { productId: outcome.value.id });
    return sku!.id;
  }

  /** The ProductChanged snapshots recorded for the SKU's product, oldest first. */
  async function snapshotsOf(skuId: string) {
    const sku = await orm.em.fork().findOneOrFail(Sku, { id: skuId });
    const rows = await orm.em
      .fork()
      .find(OutboxEvent, { key: sku.productId }, { orderBy: { id: 'asc' } });
    return rows.map((row) => (JSON.parse(row.envelope) as { data: ProductSnapshot }).data);
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
    expect(outcomes.filter((outcome) => outcome.kind === 'unreservable')).toHaveLength(190);
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
    expect(outcome).toMatchObject({
      kind: 'unreservable',
      reason: 'out-of-stock',
      skuId: scarce,
      requested: 2,
      available: 1,
    });
    expect((await stockOf(plenty)).reserved).toBe(0);
    expect((await stockOf(scarce)).reserved).toBe(0);
  });

  it('answers the units left, and with the reservation that takes the last unit, what its ProductChanged says', async () => {
    const skuId = await newSku(2);
    const first = await reservations.reserve(orm.em, randomUUID(), [{ skuId, quantity: 1 }]);
    expect(first).toMatchObject({
      kind: 'reserved',
      left: [{ id: skuId, available: 1 }],
      soldOut: [],
    });
    const last = await reservations.reserve(orm.em, randomUUID(), [{ skuId, quantity: 1 }]);
    const published = (await snapshotsOf(skuId)).at(-1)!;
    expect(last).toMatchObject({
      kind: 'reserved',
      left: [{ id: skuId, available: 0 }],
      soldOut: [
        {
          productId: published.id,
          revision: published.revision,
          skus: [{ id: skuId, available: 0 }],
        },
      ],
    });
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

  it('answers a repeated reservation that took the last units as reserved, not sold out', async () => {
    const skuId = await newSku(3);
    const orderId = randomUUID();
    const first = await reservations.reserve(orm.em, orderId, [{ skuId, quantity: 3 }]);
    assert(first.kind === 'reserved');
    const again = await reservations.reserve(orm.em, orderId, [{ skuId, quantity: 3 }]);
    assert(again.kind === 'reserved');
    // The first reservation's expiry, as the database keeps it (to the second on MySQL).
    expect(Math.abs(again.expiresAt.getTime() - first.expiresAt.getTime())).toBeLessThan(1000);
    expect(await stockOf(skuId)).toMatchObject({ onHand: 3, reserved: 3 });
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
    expect(commits).toEqual(Array.from({ length: 5 }, () => ({ committed: 1, short: 0 })));
    expect(await reservations.release(orm.em, cancelled)).toBe(1);
    expect(await reservations.release(orm.em, cancelled)).toBe(0);
    // A committed reservation cannot be released afterwards.
    expect(await reservations.release(orm.em, paid)).toBe(0);
    expect(await stockOf(skuId)).toEqual({ onHand: 6, reserved: 0, movementTotal: 6 });
  });

  it('expires unpaid reservations and gives their stock back', async () => {
    const skuId = await newSku(2);
    const shortLived = new StockReservations({ ttlSeconds: 0, outbox, changes, onShortfall });
    await shortLived.reserve(orm.em, randomUUID(), [{ skuId, quantity: 2 }]);
    expect((await stockOf(skuId)).reserved).toBe(2);
    expect(await reservations.expireDue(orm.em, new Date(Date.now() + 1000))).toBe(1);
    expect(await stockOf(skuId)).toEqual({ onHand: 2, reserved: 0, movementTotal: 2 });
    const again = await reservations.reserve(orm.em, randomUUID(), [{ skuId, quantity: 2 }]);
    expect(again.kind).toBe('reserved');
  });

  it('refuses SKUs that are not on sale or do not exist', async () => {
    const draft = await newSku(5, 'DRAFT');
    expect(
      await reservations.reserve(orm.em, randomUUID(), [{ skuId: draft, quantity: 1 }]),
    ).toMatchObject({
      kind: 'unreservable',
      reason: 'not-for-sale',
    });
    const unknown = randomUUID();
    expect(
      await reservations.reserve(orm.em, randomUUID(), [{ skuId: unknown, quantity: 1 }]),
    ).toMatchObject({
      kind: 'unreservable',
      reason: 'unknown-sku',
    });
    expect((await stockOf(draft)).reserved).toBe(0);
  });

  it('republishes the product when a SKU sells out and when it comes back, with rising revisions', async () => {
    const skuId = await newSku(2);
    const orderId = randomUUID();
    await reservations.reserve(orm.em, randomUUID(), [{ skuId, quantity: 1 }]);
    // 2 → 1 crosses nothing: no new snapshot.
    expect(await snapshotsOf(skuId)).toHaveLength(1);
    await reservations.reserve(orm.em, orderId, [{ skuId, quantity: 1 }]);
    await reservations.release(orm.em, orderId);
    const snapshots = await snapshotsOf(skuId);
    expect(snapshots.map((snapshot) => snapshot.skus[0]!.available)).toEqual([2, 0, 1]);
    expect(snapshots.map((snapshot) => snapshot.revision)).toEqual([2, 3, 4]);
  });

  it('publishes a last snapshot that matches the stock after a rush of buyers', async () => {
    const skuId = await newSku(5);
    await Promise.all(
      Array.from({ length: 40 }, () =>
        reservations.reserve(orm.em, randomUUID(), [{ skuId, quantity: 1 }]),
      ),
    );
    const last = (await snapshotsOf(skuId)).at(-1)!;
    expect(last.skus[0]!.available).toBe(0);
    expect(await stockOf(skuId)).toMatchObject({ onHand: 5, reserved: 5 });
  });

  it('counts sales for popularity when orders are paid, and publishes them once, together', async () => {
    const skuIds = [await newSku(5), await newSku(5), await newSku(5)];
    const published = await Promise.all(skuIds.map(async (id) => (await snapshotsOf(id)).length));
    for (const skuId of skuIds)
      for (const quantity of [2, 1]) {
        const orderId = randomUUID();
        await reservations.reserve(orm.em, orderId, [{ skuId, quantity }]);
        await reservations.commit(orm.em, orderId);
      }
    // A sale leaves availability as it was: nothing is published in its transaction.
    for (const [i, skuId] of skuIds.entries())
      expect(await snapshotsOf(skuId)).toHaveLength(published[i]!);
    // In batches of two, the publisher goes on until every sold product is published.
    expect(await changes.publishSales(orm.em, 2)).toBeGreaterThanOrEqual(3);
    for (const [i, skuId] of skuIds.entries()) {
      const snapshots = await snapshotsOf(skuId);
      expect(snapshots).toHaveLength(published[i]! + 1);
      expect(snapshots.at(-1)).toMatchObject({ soldCount: 3, skus: [{ available: 2 }] });
    }
    // Nothing sold since: nothing more to publish.
    expect(await changes.publishSales(orm.em)).toBe(0);
  });

  it('puts a cancelled paid order back on the shelf once, as a restock movement', async () => {
    const skuId = await newSku(3);
    const orderId = randomUUID();
    await reservations.reserve(orm.em, orderId, [{ skuId, quantity: 3 }]);
    expect(await reservations.restock(orm.em, orderId)).toBe(0); // not paid yet: nothing to restock
    await reservations.commit(orm.em, orderId);
    expect(await stockOf(skuId)).toEqual({ onHand: 0, reserved: 0, movementTotal: 0 });
    const restocks = await Promise.all([
      reservations.restock(orm.em, orderId),
      reservations.restock(orm.em, orderId),
    ]);
    expect(restocks.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await stockOf(skuId)).toEqual({ onHand: 3, reserved: 0, movementTotal: 3 });
    // Back from zero, published at once: the units are on sale again and no longer sold.
    expect((await snapshotsOf(skuId)).at(-1)).toMatchObject({
      soldCount: 0,
      skus: [{ available: 3 }],
    });
    expect(await changes.publishSales(orm.em)).toBe(0);
  });

  it('takes units that come back out of the sold count, and only once', async () => {
    const skuId = await newSku(6);
    const [kept, cancelled] = [randomUUID(), randomUUID()];
    for (const [orderId, quantity] of [
      [kept, 3],
      [cancelled, 2],
    ] as const) {
      await reservations.reserve(orm.em, orderId, [{ skuId, quantity }]);
      await reservations.commit(orm.em, orderId);
    }
    await changes.publishSales(orm.em);
    expect((await snapshotsOf(skuId)).at(-1)).toMatchObject({ soldCount: 5 });
    const published = (await snapshotsOf(skuId)).length;
    await Promise.all([
      reservations.restock(orm.em, cancelled),
      reservations.restock(orm.em, cancelled),
    ]);
    // A unit was left, so availability did not cross zero: the new count goes out with the sales.
    expect(await snapshotsOf(skuId)).toHaveLength(published);
    expect(await changes.publishSales(orm.em)).toBeGreaterThanOrEqual(1);
    expect((await snapshotsOf(skuId)).at(-1)).toMatchObject({
      soldCount: 3,
      skus: [{ available: 3 }],
    });
  });

  it('commits a lapsed reservation by taking its units again while they are still free', async () => {
    const skuId = await newSku(3);
    const orderId = randomUUID();
    const shortLived = new StockReservations({ ttlSeconds: 0, outbox, changes, onShortfall });
    await shortLived.reserve(orm.em, orderId, [{ skuId, quantity: 2 }]);
    expect(await reservations.expireDue(orm.em, new Date(Date.now() + 1000))).toBe(1);
    const commits = await Promise.all([
      reservations.commit(orm.em, orderId),
      reservations.commit(orm.em, orderId),
    ]);
    expect(commits).toEqual([
      { committed: 1, short: 0 },
      { committed: 1, short: 0 },
    ]);
    expect(await stockOf(skuId)).toEqual({ onHand: 1, reserved: 0, movementTotal: 1 });
    // Taken again outside a reservation, the units left what was available: published at once.
    expect((await snapshotsOf(skuId)).at(-1)).toMatchObject({
      soldCount: 2,
      skus: [{ available: 1 }],
    });
  });

  it('never sells the units of a lapsed reservation twice: it comes short, once, with an event', async () => {
    const skuId = await newSku(2);
    const late = randomUUID();
    const shortLived = new StockReservations({ ttlSeconds: 0, outbox, changes, onShortfall });
    await shortLived.reserve(orm.em, late, [{ skuId, quantity: 2 }]);
    await reservations.expireDue(orm.em, new Date(Date.now() + 1000));
    const buyer = randomUUID();
    await reservations.reserve(orm.em, buyer, [{ skuId, quantity: 1 }]);
    await reservations.commit(orm.em, buyer);
    const before = shortfalls.length;
    expect(await reservations.commit(orm.em, late)).toEqual({ committed: 0, short: 1 });
    expect(await reservations.commit(orm.em, late)).toEqual({ committed: 0, short: 1 });
    expect(shortfalls.slice(before)).toEqual([2]);
    expect(await stockOf(skuId)).toEqual({ onHand: 1, reserved: 0, movementTotal: 1 });
    const events = await orm.em.fork().find(OutboxEvent, { key: late });
    expect(
      events.map((row) => JSON.parse(row.envelope) as { type: string; data: unknown }),
    ).toEqual([
      expect.objectContaining({
        type: 'StockShortfall',
        data: { orderId: late, skuId, requested: 2, available: 1 },
      }),
    ]);
  });
});
