import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type Orm } from '@shop/kit/db';
import { InvalidInput, type SubgraphContext } from '@shop/kit/server';
import { createTestDatabase, type TestDatabase } from '@shop/testkit';
import { describeOnEachDatabase } from '@shop/testkit/each-database';
import { userEntities } from '../src/domain/entities.js';
import { User } from '../src/domain/user.entity.js';
import { UserResolver } from '../src/schema/user.resolver.js';
import { AddressBook } from '../src/services/address-book.js';
import { PointsWallet } from '../src/services/points-wallet.js';
import { ProfileService } from '../src/services/profile-service.js';

describeOnEachDatabase("an administrator's points adjustments ($name)", (kind) => {
  let database: TestDatabase;
  let orm: Orm;
  const resolver = new UserResolver({
    profiles: new ProfileService(),
    addresses: new AddressBook(),
    wallet: new PointsWallet(),
  });
  // The resolver reads the request's entity manager and notes for the audit log; the permission
  // rules are not under test.
  const context = () => ({ em: orm.em.fork(), audit: {} }) as unknown as SubgraphContext;

  beforeAll(async () => {
    database = await createTestDatabase(kind, 'points_adjustment');
    orm = await openDatabase({ config: database.config, entities: userEntities });
    await orm.schema.update();
  });

  afterAll(async () => {
    await orm.close();
    await database.drop();
  });

  async function customerWith(points: number): Promise<User> {
    const em = orm.em.fork();
    const id = randomUUID();
    const user = em.create(User, {
      id,
      email: `${id}@example.com`,
      name: '고객',
      pointsBalance: points,
    });
    await em.persist(user).flush();
    return user;
  }

  const adjust = (userId: string, amount: number, reference: string, reason: string) =>
    resolver.adjustPoints(userId, amount, reference, reason, context());
  const balanceOf = async (userId: string) =>
    (await orm.em.fork().findOneOrFail(User, { id: userId })).pointsBalance;
  const historyOf = async (user: User) =>
    (await resolver.pointsHistory(user, 20, context())).map(
      ({ delta, balanceAfter, reason, reference, note }) => ({
        delta,
        balanceAfter,
        reason,
        reference,
        note,
      }),
    );

  it('keeps the reason given with the adjustment in the history', async () => {
    const user = await customerWith(100);
    const adjusted = await adjust(user.id, 500, 'cs-1001', '  배송 지연 보상  ');
    expect(adjusted).toMatchObject({ id: user.id, pointsBalance: 600 });
    expect(await historyOf(user)).toEqual([
      {
        delta: 500,
        balanceAfter: 600,
        reason: 'ADMIN_ADJUSTMENT',
        reference: 'cs-1001',
        note: '배송 지연 보상',
      },
    ]);
  });

  it('refuses an empty reason with InvalidInput and changes nothing', async () => {
    const user = await customerWith(100);
    for (const reason of ['', '   ']) {
      const refused = await adjust(user.id, 500, `cs-empty-${reason.length}`, reason);
      expect(refused).toBeInstanceOf(InvalidInput);
      expect((refused as InvalidInput).issues).toEqual([
        { field: 'reason', message: 'must not be empty' },
      ]);
    }
    expect(await balanceOf(user.id)).toBe(100);
    expect(await historyOf(user)).toEqual([]);
  });

  it('changes the balance once for a repeated reference, whatever reason it comes with', async () => {
    const user = await customerWith(0);
    const answers = await Promise.all([
      adjust(user.id, 300, 'cs-2002', '이벤트 당첨'),
      adjust(user.id, 300, 'cs-2002', '이벤트 당첨'),
    ]);
    answers.push(await adjust(user.id, 300, 'cs-2002', '다시 눌렀음'));
    for (const answer of answers) expect(answer).toMatchObject({ id: user.id });
    expect(await balanceOf(user.id)).toBe(300);
    expect(await historyOf(user)).toEqual([
      {
        delta: 300,
        balanceAfter: 300,
        reason: 'ADMIN_ADJUSTMENT',
        reference: 'cs-2002',
        note: '이벤트 당첨',
      },
    ]);
  });
});
