import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type Orm } from '@shop/kit/db';
import { createTestDatabase, type TestDatabase } from '@shop/testkit';
import { describeOnEachDatabase } from '@shop/testkit/each-database';
import { promotionEntities } from '../src/domain/entities.js';
import { claimableTemplates } from '../src/services/claimable-templates.js';
import { CouponBook } from '../src/services/coupon-book.js';
import { PromotionAdmin } from '../src/services/promotion-admin.js';
import { usableCoupons } from '../src/services/usable-coupons.js';

const hour = 3_600_000;

describeOnEachDatabase('the coupons offered to a shopper on $name', (kind) => {
  let database: TestDatabase;
  let orm: Orm;
  const book = new CouponBook();
  const admin = new PromotionAdmin();

  beforeAll(async () => {
    database = await createTestDatabase(kind, 'coupon_offers');
    orm = await openDatabase({ config: database.config, entities: promotionEntities });
    await orm.schema.update();
  });

  afterAll(async () => {
    await orm.close();
    await database.drop();
  });

  async function template(terms: { perCustomerLimit?: number; validUntil?: Date } = {}) {
    const outcome = await admin.createCouponTemplate(orm.em.fork(), {
      name: `쿠폰 ${randomUUID().slice(0, 8)}`,
      kind: 'FIXED',
      value: 1_000,
      validFrom: new Date(Date.now() - hour),
      // Ending sooner than any other test's coupons, so it is among the 50 listed.
      validUntil: new Date(Date.now() + 60_000),
      totalLimit: 100,
      claimable: true,
      ...terms,
    });
    if (outcome.kind !== 'saved') throw new Error(JSON.stringify(outcome));
    return outcome.value.id;
  }

  const claimableIds = async (userId: string | undefined) =>
    (await claimableTemplates(orm.em.fork(), userId)).map((offer) => offer.id);

  async function claim(templateId: string, userId: string) {
    const outcome = await book.issue(orm.em, templateId, userId, 'customer');
    if (outcome.kind !== 'issued') throw new Error(outcome.kind);
    return outcome.coupon.id;
  }

  it('drops a coupon from a shopper’s claimable list once they hold it up to their limit', async () => {
    const twice = await template({ perCustomerLimit: 2 });
    const shopper = randomUUID();
    expect(await claimableIds(shopper)).toContain(twice);

    await claim(twice, shopper);
    expect(await claimableIds(shopper)).toContain(twice);
    await claim(twice, shopper);
    expect(await claimableIds(shopper)).not.toContain(twice);
    expect((await book.issue(orm.em, twice, shopper, 'customer')).kind).toBe('per-customer-limit');

    // Everyone else, signed in or not, is still offered it.
    expect(await claimableIds(randomUUID())).toContain(twice);
    expect(await claimableIds(undefined)).toContain(twice);
  });

  it('offers at checkout only the coupons usable now: not expired, used or not yet valid', async () => {
    const shopper = randomUUID();
    const current = await claim(await template(), shopper);
    const ending = await template({ validUntil: new Date(Date.now() + 1_500) });
    const expiring = await claim(ending, shopper);
    const used = await claim(await template(), shopper);
    const order = randomUUID();
    expect(await book.reserve(orm.em, used, order, shopper)).toEqual({ reserved: true });
    expect(await book.use(orm.em, used, order)).toBe(true);
    const upcoming = await admin.createCouponTemplate(orm.em.fork(), {
      name: '다음 주 쿠폰',
      kind: 'FIXED',
      value: 1_000,
      validFrom: new Date(Date.now() + 24 * hour),
      validUntil: new Date(Date.now() + 48 * hour),
      totalLimit: 10,
    });
    if (upcoming.kind !== 'saved') throw new Error(upcoming.kind);
    const early = await book.issue(orm.em, upcoming.value.id, shopper, 'admin');
    if (early.kind !== 'issued') throw new Error(early.kind);

    const usableIds = async (now?: Date) =>
      (await usableCoupons(orm.em.fork(), shopper, now)).map((coupon) => coupon.id).sort();
    expect(await usableIds()).toEqual([current, expiring].sort());
    // Still ISSUED once its template has expired, but no longer offered.
    expect(await usableIds(new Date(Date.now() + 5_000))).toEqual([current]);
  });
});
