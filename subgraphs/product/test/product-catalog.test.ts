import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ProductSnapshot } from '@shop/contracts';
import { openDatabase, type Orm } from '@shop/kit/db';
import { Outbox, OutboxEvent } from '@shop/kit/events';
import { createTestDatabase, type TestDatabase } from '@shop/testkit';
import { describeOnEachDatabase } from '@shop/testkit/each-database';
import { productEntities } from '../src/domain/entities.js';
import { Sku } from '../src/domain/sku.entity.js';
import { StockMovement } from '../src/domain/stock-movement.entity.js';
import { ProductCatalog } from '../src/services/product-catalog.js';
import { ProductChanges } from '../src/services/product-changes.js';
import { StockLedger } from '../src/services/stock-ledger.js';
import { StockReservations } from '../src/services/stock-reservations.js';

describeOnEachDatabase('the admin catalogue on $name', (kind) => {
  let database: TestDatabase;
  let orm: Orm;
  const outbox = new Outbox('product');
  const changes = new ProductChanges(outbox);
  const catalog = new ProductCatalog({ outbox, changes });
  const ledger = new StockLedger({ outbox, changes });
  const reservations = new StockReservations({
    ttlSeconds: 900,
    outbox,
    changes,
    onShortfall: () => {},
  });

  beforeAll(async () => {
    database = await createTestDatabase(kind, 'product_catalog');
    orm = await openDatabase({ config: database.config, entities: productEntities });
    await orm.schema.update();
  });

  afterAll(async () => {
    await orm.close();
    await database.drop();
  });

  const em = () => orm.em.fork();
  const skusOf = (productId: string) =>
    em().find(Sku, { productId }, { orderBy: { position: 'asc', id: 'asc' } });
  async function lastSnapshot(productId: string): Promise<ProductSnapshot> {
    const [row] = await em().find(
      OutboxEvent,
      { key: productId },
      { orderBy: { id: 'desc' }, limit: 1 },
    );
    return (JSON.parse(row!.envelope) as { data: ProductSnapshot }).data;
  }
  async function created(input: Parameters<ProductCatalog['createProduct']>[1]) {
    const outcome = await catalog.createProduct(em(), input);
    if (outcome.kind !== 'saved') throw new Error(JSON.stringify(outcome));
    return outcome.value;
  }

  it('generates one SKU per combination, with per-combination prices and stock', async () => {
    const product = await created({
      name: '기본 티셔츠',
      status: 'ACTIVE',
      basePrice: 10_000,
      initialStock: 3,
      optionGroups: [
        { name: '색상', values: ['블랙', '화이트'] },
        { name: '사이즈', values: ['M', 'L'] },
      ],
      skus: [{ options: { 색상: '화이트', 사이즈: 'L' }, price: 12_000, initialStock: 0 }],
    });
    const skus = await skusOf(product.id);
    expect(skus.map((sku) => [sku.combination, sku.price, sku.onHand])).toEqual([
      ['블랙 / M', 10_000, 3],
      ['블랙 / L', 10_000, 3],
      ['화이트 / M', 10_000, 3],
      ['화이트 / L', 12_000, 0],
    ]);
    expect(await em().count(StockMovement, { skuId: { $in: skus.map((s) => s.id) } })).toBe(3);
    const snapshot = await lastSnapshot(product.id);
    expect(snapshot).toMatchObject({ revision: 2, status: 'ACTIVE' });
    expect(snapshot.skus.map((sku) => sku.available)).toEqual([3, 3, 3, 0]);
  });

  it('refuses a per-combination override that is not a combination', async () => {
    const outcome = await catalog.createProduct(em(), {
      name: '잘못된 상품',
      basePrice: 1000,
      optionGroups: [{ name: '색상', values: ['블랙'] }],
      skus: [{ options: { 색상: '레드' }, price: 2000 }],
    });
    expect(outcome).toMatchObject({ kind: 'invalid-input', issues: [{ field: 'skus.0.options' }] });
  });

  it('adds an option value with its new SKUs and leaves the others alone', async () => {
    const product = await created({
      name: '후드티',
      basePrice: 30_000,
      optionGroups: [
        { name: '색상', values: ['블랙'] },
        { name: '사이즈', values: ['M', 'L'] },
      ],
    });
    const before = await skusOf(product.id);
    const outcome = await catalog.addOptionValue(em(), product.id, {
      group: '색상',
      value: '네이비',
    });
    expect(outcome.kind).toBe('saved');
    const after = await skusOf(product.id);
    expect(after).toHaveLength(4);
    expect(after.slice(0, 2).map((sku) => sku.id)).toEqual(before.map((sku) => sku.id));
    expect(after.slice(2).map((sku) => sku.combination)).toEqual(['네이비 / M', '네이비 / L']);
    expect(
      await catalog.addOptionValue(em(), product.id, { group: '색상', value: '네이비' }),
    ).toMatchObject({
      kind: 'invalid-input',
    });
    expect(
      await catalog.addOptionValue(em(), product.id, { group: '소재', value: '면' }),
    ).toMatchObject({
      kind: 'not-found',
      what: 'option group',
    });
    // A refused change publishes nothing.
    expect((await lastSnapshot(product.id)).optionGroups[0]!.values).toEqual(['블랙', '네이비']);
  });

  it('stops and resumes sales with the status, for every SKU of the product', async () => {
    const product = await created({
      name: '양말',
      basePrice: 3_000,
      initialStock: 5,
      status: 'ACTIVE',
    });
    const [sku] = await skusOf(product.id);
    await catalog.setStatus(em(), product.id, 'HIDDEN');
    expect(
      await reservations.reserve(orm.em, randomUUID(), [{ skuId: sku!.id, quantity: 1 }]),
    ).toMatchObject({
      reason: 'not-for-sale',
    });
    await catalog.setStatus(em(), product.id, 'ACTIVE');
    expect(
      await reservations.reserve(orm.em, randomUUID(), [{ skuId: sku!.id, quantity: 1 }]),
    ).toMatchObject({
      kind: 'reserved',
    });
    await catalog.updateSku(em(), sku!.id, { enabled: false });
    expect(
      await reservations.reserve(orm.em, randomUUID(), [{ skuId: sku!.id, quantity: 1 }]),
    ).toMatchObject({
      reason: 'not-for-sale',
    });
  });

  it('records stock adjustments once per reference and never below what is reserved', async () => {
    const product = await created({
      name: '머그컵',
      basePrice: 8_000,
      initialStock: 2,
      status: 'ACTIVE',
    });
    const [sku] = await skusOf(product.id);
    const receive = { kind: 'RECEIVED' as const, quantity: 10, reference: 'delivery-1' };
    await Promise.all(Array.from({ length: 5 }, () => ledger.adjust(em(), sku!.id, receive)));
    expect((await em().findOneOrFail(Sku, { id: sku!.id })).onHand).toBe(12);

    await reservations.reserve(orm.em, randomUUID(), [{ skuId: sku!.id, quantity: 7 }]);
    expect(
      await ledger.adjust(em(), sku!.id, { kind: 'ADJUSTED', quantity: -6, reference: 'count-1' }),
    ).toEqual({ kind: 'below-reserved', onHand: 12, reserved: 7 });
    expect(
      await ledger.adjust(em(), sku!.id, { kind: 'ADJUSTED', quantity: -5, reference: 'count-2' }),
    ).toMatchObject({ kind: 'saved', value: { onHand: 7, reserved: 7 } });
    expect(
      await ledger.adjust(em(), sku!.id, { kind: 'RECEIVED', quantity: -1, reference: 'bad' }),
    ).toMatchObject({ kind: 'invalid-input' });
    const movements = await em().find(StockMovement, { skuId: sku!.id });
    expect(movements.reduce((sum, movement) => sum + movement.quantity, 0)).toBe(7);
    // Sold out by the correction: the catalog hears of it.
    expect((await lastSnapshot(product.id)).skus[0]!.available).toBe(0);
  });

  it('reports references that do not exist', async () => {
    expect(
      await catalog.createProduct(em(), { name: 'x', basePrice: 1, brandId: randomUUID() }),
    ).toMatchObject({ kind: 'not-found', what: 'brand' });
    expect(await catalog.updateProduct(em(), randomUUID(), { name: 'y' })).toMatchObject({
      kind: 'not-found',
      what: 'product',
    });
    expect(await catalog.createCategory(em(), { name: '잡화', slug: 'Bad Slug' })).toMatchObject({
      kind: 'invalid-input',
    });
    await catalog.createBrand(em(), { name: 'A', slug: 'dup-brand' });
    expect(await catalog.createBrand(em(), { name: 'B', slug: 'dup-brand' })).toMatchObject({
      kind: 'invalid-input',
      issues: [{ field: 'slug', message: 'is taken' }],
    });
  });
});
