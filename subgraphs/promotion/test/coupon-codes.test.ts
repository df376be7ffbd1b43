import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type Orm } from '@shop/kit/db';
import { createTestDatabase, type TestDatabase } from '@shop/testkit';
import { describeOnEachDatabase } from '@shop/testkit/each-database';
import { promotionEntities } from '../src/domain/entities.js';
import { CouponBook } from '../src/services/coupon-book.js';
import { PromotionAdmin } from '../src/services/promotion-admin.js';

describeOnEachDatabase('coupon codes on $name', (kind) => {
  let database: TestDatabase;
  let orm: Orm;
  const book = new CouponBook();
  const admin = new PromotionAdmin();
  const code = `FALL-${randomUUID().slice(0, 6).toUpperCase()}`;

  beforeAll(async () => {
    database = await createTestDatabase(kind, 'coupon_codes');
    orm = await openDatabase({ config: database.config, entities: promotionEntities });
    await orm.schema.update();
  });

  afterAll(async () => {
    await orm.close();
    await database.drop();
  });

  const terms = (code: string | null) => ({
    name: '가을 코드 쿠폰',
    kind: 'FIXED' as const,
    value: 2_000,
    validFrom: new Date(Date.now() - 60_000),
    validUntil: new Date(Date.now() + 3_600_000),
    totalLimit: 2,
    claimable: false,
    code,
  });

  it('lets whoever types the code claim a coupon the shop does not offer, within its limits', async () => {
    const created = await admin.createCouponTemplate(orm.em.fork(), terms(code.toLowerCase()));
    if (created.kind !== 'saved') throw new Error(JSON.stringify(created));
    expect(created.value.code).toBe(code);
    const shopper = randomUUID();
    // Without the code it is not on offer; with it, in any case and spacing, it is theirs.
    expect((await book.issue(orm.em, created.value.id, shopper, 'customer')).kind).toBe(
      'not-claimable',
    );
    expect((await book.claimByCode(orm.em, ` ${code.toLowerCase()} `, shopper)).kind).toBe(
      'issued',
    );
    expect((await book.claimByCode(orm.em, code, shopper)).kind).toBe('per-customer-limit');
    expect((await book.claimByCode(orm.em, code, randomUUID())).kind).toBe('issued');
    expect((await book.claimByCode(orm.em, code, randomUUID())).kind).toBe('sold-out');
    expect((await book.claimByCode(orm.em, 'NO-SUCH-CODE', shopper)).kind).toBe(
      'template-not-found',
    );
  });

  it('refuses a code taken or unreadable with InvalidInput on the code', async () => {
    for (const bad of [code, 'a!', 'X'.repeat(21)]) {
      const refused = await admin.createCouponTemplate(orm.em.fork(), terms(bad));
      expect(refused).toMatchObject({ kind: 'invalid-input', issues: [{ field: 'code' }] });
    }
    expect((await admin.createCouponTemplate(orm.em.fork(), terms(null))).kind).toBe('saved');
  });
});
