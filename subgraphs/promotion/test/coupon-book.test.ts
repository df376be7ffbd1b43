import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type Orm } from '@shop/kit/db';
import { createTestDatabase, type TestDatabase } from '@shop/testkit';
import { describeOnEachDatabase } from '@shop/testkit/each-database';
import { CouponTemplate } from '../src/domain/coupon-template.entity.js';
import { Coupon } from '../src/domain/coupon.entity.js';
import { promotionEntities } from '../src/domain/entities.js';
import { CouponBook } from '../src/services/coupon-book.js';
import { PromotionAdmin } from '../src/services/promotion-admin.js';

describeOnEachDatabase('coupons on $name', (kind) => {
  let database: TestDatabase;
  let orm: Orm;
  const book = new CouponBook();
  const admin = new PromotionAdmin();

  beforeAll(async () => {
    database = await createTestDatabase(kind, 'coupons');
    orm = await openDatabase({ config: database.config, entities: promotionEntities });
    await orm.schema.update();
  });

  afterAll(async () => {
    await orm.close();
    await database.drop();
  });

  async function template(
    terms: Partial<{ totalLimit: number; perCustomerLimit: number; claimable: boolean }>,
  ) {
    const outcome = await admin.createCouponTemplate(orm.em.fork(), {
      name: '첫 구매 쿠폰',
      kind: 'FIXED',
      value: 3_000,
      validFrom: new Date(Date.now() - 60_000),
      validUntil: new Date(Date.now() + 3_600_000),
      totalLimit: 10,
      claimable: true,
      ...terms,
    });
    if (outcome.kind !== 'saved') throw new Error(JSON.stringify(outcome));
    return outcome.value.id;
  }

  it('issues no more than the total limit to 50 concurrent claims', async () => {
    const templateId = await template({ totalLimit: 10 });
    const outcomes = await Promise.all(
      Array.from({ length: 50 }, () => book.issue(orm.em, templateId, randomUUID(), 'customer')),
    );
    expect(outcomes.filter((outcome) => outcome.kind === 'issued')).toHaveLength(10);
    expect(outcomes.filter((outcome) => outcome.kind === 'sold-out')).toHaveLength(40);
    expect(
      (await orm.em.fork().findOneOrFail(CouponTemplate, { id: templateId })).issuedCount,
    ).toBe(10);
  });

  it('holds the per-customer limit when one customer claims many times at once', async () => {
    const templateId = await template({ totalLimit: 100, perCustomerLimit: 2 });
    const userId = randomUUID();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () => book.issue(orm.em, templateId, userId, 'customer')),
    );
    expect(outcomes.filter((outcome) => outcome.kind === 'issued')).toHaveLength(2);
    expect(await orm.em.fork().count(Coupon, { templateId, userId })).toBe(2);
    expect(
      (await orm.em.fork().findOneOrFail(CouponTemplate, { id: templateId })).issuedCount,
    ).toBe(2);
  });

  it('lets only admins issue shop-only coupons', async () => {
    const templateId = await template({ claimable: false });
    expect((await book.issue(orm.em, templateId, randomUUID(), 'customer')).kind).toBe(
      'not-claimable',
    );
    expect((await book.issue(orm.em, templateId, randomUUID(), 'admin')).kind).toBe('issued');
  });

  it('reserves a coupon for one of 20 racing orders, and moves it once per step', async () => {
    const templateId = await template({});
    const userId = randomUUID();
    const issued = await book.issue(orm.em, templateId, userId, 'customer');
    if (issued.kind !== 'issued') throw new Error(issued.kind);
    const couponId = issued.coupon.id;
    const orders = Array.from({ length: 20 }, () => randomUUID());
    const reservations = await Promise.all(
      orders.map((orderId) => book.reserve(orm.em, couponId, orderId, userId)),
    );
    const winner = orders[reservations.findIndex((outcome) => outcome.reserved)]!;
    expect(reservations.filter((outcome) => outcome.reserved)).toHaveLength(1);
    expect(await book.reserve(orm.em, couponId, winner, userId)).toEqual({ reserved: true });
    expect(await book.reserve(orm.em, couponId, randomUUID(), randomUUID())).toMatchObject({
      reserved: false,
      reason: 'NOT_YOURS',
    });

    expect(await book.use(orm.em, couponId, winner)).toBe(true);
    expect(await book.use(orm.em, couponId, winner)).toBe(false);
    expect(await book.release(orm.em, couponId, winner)).toBe(false); // used: only a restore gives it back
    expect(await book.restore(orm.em, couponId, winner)).toBe(true);
    expect((await orm.em.fork().findOneOrFail(Coupon, { id: couponId })).status).toBe('RESTORED');
    // Restored coupons are usable again.
    expect(await book.reserve(orm.em, couponId, randomUUID(), userId)).toEqual({ reserved: true });
  });

  it('refuses templates with bad terms, naming every field', async () => {
    const outcome = await admin.createCouponTemplate(orm.em.fork(), {
      name: '',
      kind: 'RATE',
      value: 95,
      validFrom: new Date(),
      validUntil: new Date(Date.now() - 1000),
      totalLimit: 0,
    });
    expect(outcome.kind).toBe('invalid-input');
    if (outcome.kind === 'invalid-input')
      expect(outcome.issues.map((issue) => issue.field)).toEqual(
        expect.arrayContaining(['name', 'totalLimit']),
      );
  });
});
