import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type Orm } from '@shop/kit/db';
import { Outbox } from '@shop/kit/events';
import { createTestDatabase, type TestDatabase } from '@shop/testkit';
import { describeOnEachDatabase } from '@shop/testkit/each-database';
import { productEntities } from '../src/domain/entities.js';
import { Product } from '../src/domain/product.entity.js';
import { Sku } from '../src/domain/sku.entity.js';
import { StockMovement } from '../src/domain/stock-movement.entity.js';
import { descriptionHtml } from '../src/services/description-html.js';
import { ProductCatalog } from '../src/services/product-catalog.js';
import { ProductChanges } from '../src/services/product-changes.js';
import { StockLedger } from '../src/services/stock-ledger.js';
import { StockReservations } from '../src/services/stock-reservations.js';

describeOnEachDatabase('manual stock changes on $name', (kind) => {
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
  const admin = randomUUID();

  beforeAll(async () => {
    database = await createTestDatabase(kind, 'stock_adjustments');
    orm = await openDatabase({ config: database.config, entities: productEntities });
    await orm.schema.update();
  });

  afterAll(async () => {
    await orm.close();
    await database.drop();
  });

  const em = () => orm.em.fork();
  /** A product on sale in two colours, `onHand` units of each. */
  async function newSkus(onHand: number) {
    const outcome = await catalog.createProduct(em(), {
      name: `티셔츠 ${randomUUID().slice(0, 8)}`,
      status: 'ACTIVE',
      basePrice: 19_000,
      initialStock: onHand,
      optionGroups: [{ name: '색상', values: ['블랙', '화이트'] }],
    });
    if (outcome.kind !== 'saved') throw new Error(JSON.stringify(outcome));
    return em().find(Sku, { productId: outcome.value.id }, { orderBy: { position: 'asc' } });
  }
  const history = (skuId: string) =>
    em().find(StockMovement, { skuId }, { orderBy: { id: 'desc' } });

  it('lists a stock lowered with a reason in the history, with its admin and note', async () => {
    const [sku] = await newSkus(10);
    expect(
      await ledger.adjust(
        em(),
        sku!.id,
        { reason: 'DAMAGED', quantity: -3, reference: 'damage-1', note: '박스 파손' },
        admin,
      ),
    ).toMatchObject({ kind: 'saved', value: { onHand: 7 } });
    expect(
      await ledger.adjust(
        em(),
        sku!.id,
        { reason: 'COUNT_CORRECTION', onHand: 5, reference: 'count-1' },
        admin,
      ),
    ).toMatchObject({ kind: 'saved', value: { onHand: 5 } });
    const [counted, damaged, initial] = await history(sku!.id);
    expect(counted).toMatchObject({ kind: 'ADJUSTED', reason: 'COUNT_CORRECTION', quantity: -2 });
    expect(damaged).toMatchObject({
      kind: 'ADJUSTED',
      reason: 'DAMAGED',
      quantity: -3,
      note: '박스 파손',
      actorId: admin,
    });
    expect(initial).toMatchObject({ kind: 'RECEIVED', quantity: 10, reference: 'initial' });
  });

  it('refuses to go below what is reserved, with the numbers, and changes nothing', async () => {
    const [sku] = await newSkus(5);
    await reservations.reserve(orm.em, randomUUID(), [{ skuId: sku!.id, quantity: 4 }]);
    const lowered = { reason: 'LOST', quantity: -2, reference: 'lost-1' } as const;
    expect(await ledger.adjust(em(), sku!.id, lowered, admin)).toEqual({
      kind: 'below-reserved',
      onHand: 5,
      reserved: 4,
    });
    const counted = { reason: 'COUNT_CORRECTION', onHand: 3, reference: 'count-2' } as const;
    expect(await ledger.adjust(em(), sku!.id, counted, admin)).toMatchObject({
      kind: 'below-reserved',
    });
    expect(await em().findOneOrFail(Sku, { id: sku!.id })).toMatchObject({
      onHand: 5,
      reserved: 4,
    });
    expect(await history(sku!.id)).toHaveLength(1);
  });

  it('needs a reason, and one that moves stock its way', async () => {
    const [sku] = await newSkus(5);
    expect(await ledger.adjust(em(), sku!.id, { quantity: -1, reference: 'x' })).toMatchObject({
      kind: 'invalid-input',
      issues: [{ field: 'reason' }],
    });
    expect(
      await ledger.adjust(em(), sku!.id, { reason: 'DAMAGED', quantity: 2, reference: 'y' }),
    ).toMatchObject({ kind: 'invalid-input', issues: [{ field: 'quantity' }] });
    expect(
      await ledger.adjust(em(), sku!.id, { reason: 'RECEIVED', onHand: 1, reference: 'z' }),
    ).toMatchObject({ kind: 'invalid-input', issues: [{ field: 'onHand' }] });
    expect(await history(sku!.id)).toHaveLength(1);
  });

  it('puts returned units back on the shelf once per return, and out of the sold count', async () => {
    const [sku] = await newSkus(4);
    const orderId = randomUUID();
    await reservations.reserve(orm.em, orderId, [{ skuId: sku!.id, quantity: 3 }]);
    await reservations.commit(orm.em, orderId);
    const soldCount = async () =>
      (await em().findOneOrFail(Product, { id: sku!.productId })).soldCount;
    expect(await soldCount()).toBe(3);
    const returnId = randomUUID();
    // ReturnReceived delivered twice: the movement's key lets the second one change nothing.
    for (let delivery = 0; delivery < 2; delivery++)
      await em().transactional((tx) =>
        ledger.restock(tx, returnId, [{ skuId: sku!.id, quantity: 2 }]),
      );
    expect(await em().findOneOrFail(Sku, { id: sku!.id })).toMatchObject({ onHand: 3 });
    expect(await soldCount()).toBe(1);
    expect(await history(sku!.id)).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'RESTOCKED', quantity: 2 })]),
    );
  });

  it('never reserves a disabled SKU, while its sibling still sells', async () => {
    const [disabled, enabled] = await newSkus(5);
    await catalog.updateSku(em(), disabled!.id, { enabled: false });
    expect(
      await reservations.reserve(orm.em, randomUUID(), [{ skuId: disabled!.id, quantity: 1 }]),
    ).toMatchObject({ kind: 'unreservable', reason: 'not-for-sale' });
    expect(
      await reservations.reserve(orm.em, randomUUID(), [{ skuId: enabled!.id, quantity: 1 }]),
    ).toMatchObject({ kind: 'reserved' });
    expect((await em().findOneOrFail(Sku, { id: disabled!.id })).reserved).toBe(0);
  });
});

it('renders a description from Markdown and never lets a <script> through', () => {
  const html = descriptionHtml(
    '## 소재\n\n**면 100%**\n\n<script>alert(1)</script>\n\n[click](javascript:alert(1)) <img src=x onerror=alert(1)>',
  );
  expect(html).toContain('<h2>소재</h2>');
  expect(html).toContain('<strong>면 100%</strong>');
  expect(html).not.toMatch(/<script|<img|href="javascript:/i);
  expect(html).toContain('&lt;script&gt;');
});
