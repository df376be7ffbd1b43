import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type Orm } from '@shop/kit/db';
import { createTestDatabase, type TestDatabase } from '@shop/testkit';
import { describeOnEachDatabase } from '@shop/testkit/each-database';
import { userEntities } from '../src/domain/entities.js';
import { PointsEntry } from '../src/domain/points-entry.entity.js';
import { User } from '../src/domain/user.entity.js';
import { PointsWallet } from '../src/services/points-wallet.js';

describeOnEachDatabase('points spent on orders ($name)', (kind) => {
  let database: TestDatabase;
  let orm: Orm;
  const wallet = new PointsWallet();

  beforeAll(async () => {
    database = await createTestDatabase(kind, 'points_wallet');
    orm = await openDatabase({ config: database.config, entities: userEntities });
    await orm.schema.update();
  });

  afterAll(async () => {
    await orm.close();
    await database.drop();
  });

  async function customerWith(points: number): Promise<string> {
    const em = orm.em.fork();
    const id = randomUUID();
    em.persist(
      em.create(User, { id, email: `${id}@example.com`, name: '고객', pointsBalance: points }),
    );
    await em.flush();
    return id;
  }

  const balanceOf = async (userId: string) =>
    (await orm.em.fork().findOneOrFail(User, { id: userId })).pointsBalance;
  const ledgerOf = async (userId: string) =>
    (await orm.em.fork().find(PointsEntry, { userId })).reduce(
      (sum, entry) => sum + entry.delta,
      0,
    );

  it('lets 20 concurrent orders hold 100 points each out of 1,000: exactly 10, never below zero', async () => {
    const userId = await customerWith(1000);
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () =>
        wallet.hold(orm.em, { orderId: randomUUID(), userId, amount: 100 }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.kind === 'held')).toHaveLength(10);
    expect(outcomes.filter((outcome) => outcome.kind === 'insufficient')).toHaveLength(10);
    expect(await balanceOf(userId)).toBe(0);
    expect(await ledgerOf(userId)).toBe(-1000);
  });

  it('holds once per order, however often it is asked, and settles each hold once', async () => {
    const userId = await customerWith(500);
    const paid = randomUUID();
    const failed = randomUUID();
    await Promise.all(
      Array.from({ length: 5 }, () => wallet.hold(orm.em, { orderId: paid, userId, amount: 200 })),
    );
    await wallet.hold(orm.em, { orderId: failed, userId, amount: 100 });
    expect(await balanceOf(userId)).toBe(200);

    expect(await Promise.all([wallet.use(orm.em, paid), wallet.use(orm.em, paid)])).toEqual(
      expect.arrayContaining([true, false]),
    );
    expect(await wallet.release(orm.em, paid)).toBe(false); // used: only a restore gives it back
    expect(await wallet.release(orm.em, failed)).toBe(true);
    expect(await wallet.release(orm.em, failed)).toBe(false);
    expect(await balanceOf(userId)).toBe(300);
    expect(await wallet.restore(orm.em, paid)).toBe(true);
    expect(await wallet.restore(orm.em, paid)).toBe(false);
    expect(await balanceOf(userId)).toBe(500);
    expect(await ledgerOf(userId)).toBe(0);
  });

  it('refuses more points than the balance and unknown customers', async () => {
    const userId = await customerWith(50);
    expect(await wallet.hold(orm.em, { orderId: randomUUID(), userId, amount: 51 })).toEqual({
      kind: 'insufficient',
      balance: 50,
    });
    expect(
      await wallet.hold(orm.em, { orderId: randomUUID(), userId: randomUUID(), amount: 1 }),
    ).toEqual({ kind: 'not-found' });
    expect(await balanceOf(userId)).toBe(50);
  });
});
