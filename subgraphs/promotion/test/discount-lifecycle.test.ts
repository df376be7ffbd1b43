import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SkuInfo } from '@shop/contracts';
import { openDatabase, type Orm } from '@shop/kit/db';
import { InvalidInput } from '@shop/kit/server';
import { createTestDatabase, type TestDatabase } from '@shop/testkit';
import { describeOnEachDatabase } from '@shop/testkit/each-database';
import { promotionEntities } from '../src/domain/entities.js';
import { createPromotionLoaders, type PromotionContext } from '../src/schema/loaders.js';
import {
  DiscountResolver,
  PromotionResolver,
  SkuSalePriceResolver,
} from '../src/schema/promotion.resolver.js';
import { CouponBook } from '../src/services/coupon-book.js';
import type { ProductClient } from '../src/services/product-client.js';
import { PromotionAdmin } from '../src/services/promotion-admin.js';
import { Quotes } from '../src/services/quotes.js';

describeOnEachDatabase('a discount listed, edited and ended on $name', (kind) => {
  let database: TestDatabase;
  let orm: Orm;
  const shirt: SkuInfo = {
    id: randomUUID(),
    productId: randomUUID(),
    productName: '린넨 셔츠',
    categoryIds: [randomUUID()],
    brandId: null,
    code: 'LINEN-M',
    options: {},
    price: 50_000,
    available: 10,
    sellable: true,
  };
  const product = {
    skus: (ids: readonly string[]) => Promise.resolve(ids.includes(shirt.id) ? [shirt] : []),
  } as unknown as ProductClient;
  const quotes = new Quotes(product);
  const resolver = new PromotionResolver(new PromotionAdmin(), new CouponBook(), quotes);
  const statusOf = new DiscountResolver();
  const salePrice = new SkuSalePriceResolver();

  beforeAll(async () => {
    database = await createTestDatabase(kind, 'promotion_discount_lifecycle');
    orm = await openDatabase({ config: database.config, entities: promotionEntities });
    await orm.schema.update();
  });

  afterAll(async () => {
    await orm.close();
    await database.drop();
  });

  /** One request, as the gateway makes it: a fresh entity manager and fresh loaders. */
  function request(roles: string[] = ['ADMIN']): PromotionContext {
    const em = orm.em.fork();
    return {
      em,
      identity: { kind: 'user', userId: randomUUID(), roles },
      loaders: createPromotionLoaders(em),
      audit: {},
    } as unknown as PromotionContext;
  }

  /** What order's checkoutQuote and createOrder are told (POST /internal/quotes), and the listing's sale price. */
  async function prices() {
    const quote = await quotes.quote(orm.em.fork(), {
      userId: randomUUID(),
      lines: [{ skuId: shirt.id, quantity: 2 }],
      couponId: null,
    });
    const answered = await resolver.quote(
      [{ skuId: shirt.id, quantity: 1 }],
      null,
      request(['CUSTOMER']),
    );
    if (answered instanceof InvalidInput) throw new Error(JSON.stringify(answered.issues));
    return {
      internalTotal: quote.total,
      quoteTotal: answered.total,
      salePrice: await salePrice.salePrice(shirt, request()),
    };
  }

  it('the quote follows a discount created, edited and ended, and the list shows each step', async () => {
    expect(await prices()).toEqual({
      internalTotal: 100_000,
      quoteTotal: 50_000,
      salePrice: 50_000,
    });

    const created = await resolver.createDiscount(
      {
        name: '여름 셔츠 할인',
        target: 'PRODUCT',
        targetId: shirt.productId,
        kind: 'RATE',
        value: 10,
        startsAt: new Date(Date.now() - 60_000),
        endsAt: new Date(Date.now() + 86_400_000),
      },
      request(),
    );
    if (created instanceof InvalidInput) throw new Error(JSON.stringify(created.issues));
    expect(await prices()).toEqual({
      internalTotal: 90_000,
      quoteTotal: 45_000,
      salePrice: 45_000,
    });

    const listed = await resolver.discounts(request());
    expect(listed[0]).toMatchObject({ id: created.id, value: 10 });
    expect(statusOf.status(listed[0]!)).toBe('ACTIVE');

    const edited = await resolver.updateDiscount(created.id, { value: 20 }, request());
    expect(edited).toMatchObject({ id: created.id, value: 20, name: '여름 셔츠 할인' });
    expect(await prices()).toEqual({
      internalTotal: 80_000,
      quoteTotal: 40_000,
      salePrice: 40_000,
    });

    const ended = await resolver.endDiscount(created.id, request());
    expect(ended).toMatchObject({ id: created.id, active: false });
    expect(await prices()).toEqual({
      internalTotal: 100_000,
      quoteTotal: 50_000,
      salePrice: 50_000,
    });
    const afterEnd = (await resolver.discounts(request())).find((d) => d.id === created.id)!;
    expect(statusOf.status(afterEnd)).toBe('ENDED');

    // Ending it again changes nothing; an ended discount cannot be edited back to life.
    const again = await resolver.endDiscount(created.id, request());
    expect(again).toMatchObject({ id: created.id, active: false, endsAt: afterEnd.endsAt });
    const revived = await resolver.updateDiscount(created.id, { value: 30 }, request());
    expect(revived).toBeInstanceOf(InvalidInput);
    expect(await prices()).toMatchObject({ quoteTotal: 50_000 });
  });

  it('lists scheduled discounts newest first, and answers bad edits with InvalidInput', async () => {
    const later = await resolver.createDiscount(
      {
        name: '가을 예약 할인',
        target: 'CATEGORY',
        targetId: shirt.categoryIds[0]!,
        kind: 'FIXED',
        value: 1_000,
        startsAt: new Date(Date.now() + 86_400_000),
        endsAt: new Date(Date.now() + 2 * 86_400_000),
      },
      request(),
    );
    if (later instanceof InvalidInput) throw new Error(JSON.stringify(later.issues));
    const listed = await resolver.discounts(request());
    expect(listed[0]!.id).toBe(later.id);
    expect(statusOf.status(listed[0]!)).toBe('SCHEDULED');
    expect(await prices()).toMatchObject({ quoteTotal: 50_000 });

    const tooMuch = await resolver.updateDiscount(later.id, { kind: 'RATE', value: 95 }, request());
    expect((tooMuch as InvalidInput).issues.map((issue) => issue.field)).toEqual(['value']);
    const backwards = await resolver.updateDiscount(
      later.id,
      { endsAt: new Date(Date.now()) },
      request(),
    );
    expect((backwards as InvalidInput).issues.map((issue) => issue.field)).toEqual(['endsAt']);
    const missing = await resolver.endDiscount(randomUUID(), request());
    expect((missing as InvalidInput).issues.map((issue) => issue.field)).toEqual(['id']);

    // Moving its start to now puts it to work at once.
    const started = await resolver.updateDiscount(
      later.id,
      { startsAt: new Date(Date.now() - 1_000) },
      request(),
    );
    expect(started).not.toBeInstanceOf(InvalidInput);
    expect(await prices()).toMatchObject({ quoteTotal: 49_000, salePrice: 49_000 });
  });
});
