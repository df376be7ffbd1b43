import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Orm } from '@shop/kit/db';
import { InvalidInput } from '@shop/kit/server';
import { createTestDatabase, type TestDatabase } from '@shop/testkit';
import { promotionEntities } from '../src/domain/entities.js';
import { PromotionResolver } from '../src/schema/promotion.resolver.js';
import type { PromotionContext } from '../src/schema/loaders.js';
import { CouponNotIssued } from '../src/schema/promotion.type.js';
import { CouponBook } from '../src/services/coupon-book.js';
import { PromotionAdmin } from '../src/services/promotion-admin.js';
import type { Quotes } from '../src/services/quotes.js';

describe('input rules on quotes and claims (SQLite)', () => {
  let database: TestDatabase;
  let orm: Orm;
  const admin = new PromotionAdmin();
  const book = new CouponBook();
  const quoted: unknown[] = [];
  // A quote that reaches pricing is recorded; an invalid one must not get that far.
  const quotes = {
    quote: (_em: unknown, request: unknown) => {
      quoted.push(request);
      return Promise.resolve({
        lines: [],
        subtotal: 0,
        productDiscount: 0,
        couponDiscount: 0,
        total: 0,
        coupon: null,
        unavailableSkuIds: [],
      });
    },
  } as unknown as Quotes;
  const resolver = new PromotionResolver(admin, book, quotes);

  beforeAll(async () => {
    database = await createTestDatabase('sqlite', 'promotion_input_rules');
    orm = await openDatabase({ config: database.config, entities: promotionEntities });
    await orm.schema.update();
  });

  afterAll(async () => {
    await orm.close();
    await database.drop();
  });

  function customer(): PromotionContext {
    return {
      em: orm.em.fork(),
      identity: { kind: 'user', userId: randomUUID(), roles: ['CUSTOMER'] },
    } as unknown as PromotionContext;
  }

  it.each([-1, 0, 1001, 1.5])(
    'answers a quote with quantity %s with InvalidInput',
    async (quantity) => {
      const skuId = randomUUID();
      const answer = await resolver.quote([{ skuId, quantity }], null, customer());
      expect(answer).toBeInstanceOf(InvalidInput);
      expect((answer as InvalidInput).issues.map((issue) => issue.field)).toEqual([
        'lines.0.quantity',
      ]);
      expect(quoted).toHaveLength(0);
    },
  );

  it('names every bad line, an empty cart and a repeated SKU', async () => {
    const skuId = randomUUID();
    const bad = await resolver.quote(
      [
        { skuId, quantity: -60 },
        { skuId: randomUUID(), quantity: 0 },
      ],
      null,
      customer(),
    );
    expect((bad as InvalidInput).issues.map((issue) => issue.field)).toEqual([
      'lines.0.quantity',
      'lines.1.quantity',
    ]);
    expect(await resolver.quote([], null, customer())).toBeInstanceOf(InvalidInput);
    expect(
      await resolver.quote(
        [
          { skuId, quantity: 1 },
          { skuId, quantity: 2 },
        ],
        null,
        customer(),
      ),
    ).toBeInstanceOf(InvalidInput);
    expect(quoted).toHaveLength(0);
  });

  it('prices a cart of sensible quantities', async () => {
    const answer = await resolver.quote([{ skuId: randomUUID(), quantity: 1 }], null, customer());
    expect(answer).not.toBeInstanceOf(InvalidInput);
    expect(quoted).toHaveLength(1);
  });

  async function template(validFrom: Date, validUntil: Date): Promise<string> {
    const outcome = await admin.createCouponTemplate(orm.em.fork(), {
      name: '오픈 기념 쿠폰',
      kind: 'FIXED',
      value: 3_000,
      validFrom,
      validUntil,
      totalLimit: 10,
      claimable: true,
    });
    if (outcome.kind !== 'saved') throw new Error(JSON.stringify(outcome));
    return outcome.value.id;
  }

  it('refuses a claim before the start date with NOT_STARTED, and after the end with EXPIRED', async () => {
    const day = 24 * 3600 * 1000;
    const startsAt = new Date(Date.now() + day);
    const upcoming = await template(startsAt, new Date(Date.now() + 7 * day));
    const early = await resolver.claimCoupon(upcoming, customer());
    expect(early).toBeInstanceOf(CouponNotIssued);
    expect(early).toMatchObject({ errorCode: 'NOT_STARTED' });
    expect((early as InstanceType<typeof CouponNotIssued>).message).toContain(
      startsAt.toISOString(),
    );

    const ended = await template(new Date(Date.now() - 7 * day), new Date(Date.now() - day));
    expect(await resolver.claimCoupon(ended, customer())).toMatchObject({ errorCode: 'EXPIRED' });

    // Once it has started, the same coupon can be claimed.
    expect((await book.issue(orm.em, upcoming, randomUUID(), 'customer', startsAt)).kind).toBe(
      'issued',
    );
  });
});
