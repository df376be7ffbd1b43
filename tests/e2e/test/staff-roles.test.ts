import { afterAll, beforeAll, expect, it } from 'vitest';
import { waitFor } from '@shop/testkit';
import {
  adjustStock,
  createCategory,
  createProduct,
  updateSku,
} from '../src/catalog-operations.js';
import { adjustPoints, createDiscount, signUp } from '../src/checkout-operations.js';
import { createPartner, issuePartnerKey } from '../src/partner-operations.js';
import { startShop, type ShopUnderTest } from '../src/shop-under-test.js';
import { setStaffRole, staffActions, type StaffActionRow } from '../src/staff-operations.js';
import { describeOnEachShop } from '../src/shop-runs.js';

const login = `mutation Login($input: LoginInput!) {
  login(input: $input) { __typename ... on AuthSession { accessToken refreshToken } }
}`;
const refresh = `mutation Refresh($token: String!) {
  refreshToken(refreshToken: $token) { __typename }
}`;
const adminOrders = `query { adminOrders { nodes { id } } }`;
const customer = `query Customer($id: ID!) { user(id: $id) { id pointsBalance } }`;
const actionsOn = `query ActionsOn($ids: [ID!]!) {
  staffActionsOn(subjectIds: $ids) { actorEmail action subjectId outcome }
}`;
const stockMovers = `query StockMovers($id: ID!) {
  sku(id: $id) { stockMovements { reason quantity actor { email role } } }
}`;

describeOnEachShop('staff roles and the audit log', ({ env }) => {
  let shop: ShopUnderTest;
  let skuId: string;
  let categoryId: string;
  const password = 'staff password for tests';
  const people = { operator: '', cs: '', viewer: '', shopper: '' };
  const tokens = { operator: '', cs: '', viewer: '' };
  const ids = { operator: '', cs: '', shopper: '' };
  const emailOf = (who: keyof typeof people) => `${who}.${shop.runId}@example.com`;

  async function signIn(email: string) {
    const answer = await shop.call(login, { input: { email, password } });
    expect(answer.data?.login.__typename).toBe('AuthSession');
    return answer.data!.login as { accessToken: string; refreshToken: string };
  }

  /** The owner's view of the log, once `count` entries match. */
  async function logged(count: number, match: (row: StaffActionRow) => boolean) {
    let rows: StaffActionRow[] = [];
    await waitFor(`${count} audit entries`, async () => {
      const answer = await shop.call(staffActions, { filter: { first: 200 } }, shop.adminToken);
      rows = (answer.data?.staffActions as StaffActionRow[] | undefined)?.filter(match) ?? [];
      return rows.length >= count;
    });
    return rows;
  }

  beforeAll(async () => {
    shop = await startShop(env);
    for (const who of Object.keys(people) as (keyof typeof people)[]) {
      people[who] = emailOf(who);
      const made = await shop.call(signUp, {
        input: { email: people[who], password, name: who },
      });
      if (who in ids) ids[who as keyof typeof ids] = made.data!.signUp.userId;
    }
    const roles = { operator: 'OPERATOR', cs: 'CS', viewer: 'VIEWER' } as const;
    for (const [who, role] of Object.entries(roles)) {
      const set = await shop.call(
        setStaffRole,
        { input: { email: emailOf(who as keyof typeof people), role } },
        shop.adminToken,
      );
      expect(set.data?.setStaffRole).toMatchObject({ __typename: 'StaffMember', role });
      tokens[who as keyof typeof tokens] = (
        await signIn(people[who as keyof typeof people])
      ).accessToken;
    }
    const category = await shop.call(
      createCategory,
      { input: { name: '직원 테스트', slug: `staff-${shop.runId}` } },
      shop.adminToken,
    );
    categoryId = category.data!.createCategory.id;
    const product = await shop.call(
      createProduct,
      {
        input: {
          name: `직원 머그 ${shop.runId}`,
          categoryId,
          status: 'ACTIVE',
          basePrice: 12_000,
          initialStock: 3,
        },
      },
      shop.adminToken,
    );
    skuId = product.data!.createProduct.skus[0].id;
  }, 120_000);

  afterAll(async () => {
    await shop?.stop();
  });

  it('lists the staff with their roles for the owner', async () => {
    const members = await shop.call(`{ staffMembers { email role } }`, {}, shop.adminToken);
    expect(members.data?.staffMembers).toEqual(
      expect.arrayContaining([
        { email: shop.admin.email, role: 'ADMIN' },
        { email: people.operator, role: 'OPERATOR' },
        { email: people.cs, role: 'CS' },
        { email: people.viewer, role: 'VIEWER' },
      ]),
    );
    const emails = (members.data?.staffMembers as { email: string }[]).map((m) => m.email);
    expect(emails).not.toContain(people.shopper);
  });

  it('lets each role change only what its duty allows, in every subgraph', async () => {
    const code = (answer: { errors?: { extensions?: { code?: string } }[] }) =>
      answer.errors?.[0]?.extensions?.code;
    // The operator keeps the catalogue.
    const repriced = await shop.call(
      updateSku,
      { id: skuId, input: { price: 13_000 } },
      tokens.operator,
    );
    expect(repriced.data?.updateSku).toMatchObject({ __typename: 'Sku', price: 13_000 });
    // Customer service reads orders and customers, and looks after points, not prices or sales.
    expect((await shop.call(adminOrders, {}, tokens.cs)).errors).toBeUndefined();
    const seen = await shop.call(customer, { id: ids.shopper }, tokens.cs);
    expect(seen.data?.user).toMatchObject({ id: ids.shopper, pointsBalance: 0 });
    const points = await shop.call(
      adjustPoints,
      { userId: ids.shopper, amount: 500, reference: `cs-${shop.runId}` },
      tokens.cs,
    );
    expect(points.data?.adjustPoints).toMatchObject({ __typename: 'User', pointsBalance: 500 });
    expect(code(await shop.call(updateSku, { id: skuId, input: { price: 1 } }, tokens.cs))).toBe(
      'FORBIDDEN',
    );
    const now = Date.now();
    const discount = {
      input: {
        name: `CS 할인 ${shop.runId}`,
        target: 'CATEGORY',
        targetId: categoryId,
        kind: 'RATE',
        value: 50,
        startsAt: new Date(now).toISOString(),
        endsAt: new Date(now + 86_400_000).toISOString(),
      },
    };
    expect(code(await shop.call(createDiscount, discount, tokens.cs))).toBe('FORBIDDEN');
    expect(code(await shop.call(staffActions, {}, tokens.cs))).toBe('FORBIDDEN');
    // A viewer reads and changes nothing; the operator does not touch customers' points.
    expect((await shop.call(adminOrders, {}, tokens.viewer)).errors).toBeUndefined();
    for (const token of [tokens.viewer, tokens.operator])
      expect(
        code(
          await shop.call(
            adjustPoints,
            { userId: ids.shopper, amount: 1, reference: `no-${shop.runId}` },
            token,
          ),
        ),
      ).toBe('FORBIDDEN');
    // Nothing refused changed anything.
    const after = await shop.call(customer, { id: ids.shopper }, shop.adminToken);
    expect(after.data?.user.pointsBalance).toBe(500);
    const sku = await shop.call(`query ($id: ID!) { sku(id: $id) { price } }`, { id: skuId });
    expect(sku.data?.sku.price).toBe(13_000);
  });

  it('answers a bad role change with a typed error', async () => {
    const own = await shop.call(
      setStaffRole,
      { input: { email: shop.admin.email, role: 'VIEWER' } },
      shop.adminToken,
    );
    expect(own.data?.setStaffRole).toMatchObject({ __typename: 'OwnRole', errorCode: 'OWN_ROLE' });
    const nobody = await shop.call(
      setStaffRole,
      { input: { email: `nobody.${shop.runId}@example.com`, role: 'CS' } },
      shop.adminToken,
    );
    expect(nobody.data?.setStaffRole).toMatchObject({ errorCode: 'ACCOUNT_NOT_FOUND' });
  });

  it('shows the owner who did what, before and after, refusals too, and never a secret', async () => {
    const [repricing] = await logged(
      1,
      (row) => row.action === 'updateSku' && row.actorId === ids.operator,
    );
    expect(repricing).toMatchObject({
      actorEmail: people.operator,
      actorRoles: 'CUSTOMER,OPERATOR',
      service: 'product',
      subjectId: skuId,
      outcome: 'OK',
    });
    expect(JSON.parse(repricing!.before!)).toMatchObject({ id: skuId, price: 12_000 });
    expect(JSON.parse(repricing!.after!)).toMatchObject({ id: skuId, price: 13_000 });
    const refused = await logged(2, (row) => row.actorId === ids.cs && row.outcome === 'FORBIDDEN');
    expect(refused.map((row) => `${row.service}.${row.action}`).sort()).toEqual([
      'product.updateSku',
      'promotion.createDiscount',
    ]);
    const [points] = await logged(
      1,
      (row) => row.action === 'adjustPoints' && row.outcome === 'OK',
    );
    expect(JSON.parse(points!.before!)).toMatchObject({ id: ids.shopper, pointsBalance: 0 });
    expect(JSON.parse(points!.input)).toMatchObject({ userId: ids.shopper, amount: 500 });

    // A partner key is shown once, to the owner: the log keeps that it was issued, not the key.
    const partner = await shop.call(
      createPartner,
      { input: { name: `감사 파트너 ${shop.runId}`, rateLimitPerMinute: 60 } },
      shop.adminToken,
    );
    const issued = await shop.call(
      issuePartnerKey,
      {
        input: {
          partnerId: partner.data!.createPartner.id,
          label: 'audit',
          scopes: ['CATALOG_READ'],
        },
      },
      shop.adminToken,
    );
    const key = issued.data!.issuePartnerKey.key as string;
    const [issuing] = await logged(1, (row) => row.action === 'issuePartnerKey');
    expect(issuing!.outcome).toBe('OK');
    expect(JSON.stringify(issuing)).not.toContain(key);
  });

  it('shows any staff what was done to one thing and who moved its stock; the whole log stays the owner’s', async () => {
    const written = await shop.call(
      adjustStock,
      { skuId, input: { reason: 'DAMAGED', quantity: -1, reference: `damaged-${shop.runId}` } },
      tokens.operator,
    );
    expect(written.data?.adjustStock.__typename).toBe('Sku');
    // The audit log learns of it by event: wait for the owner's view to have it.
    await logged(1, (row) => row.action === 'adjustStock' && row.subjectId === skuId);

    const onSku = await shop.call(actionsOn, { ids: [skuId] }, tokens.viewer);
    expect(
      (onSku.data?.staffActionsOn as { action: string; actorEmail: string; outcome: string }[])
        .filter((row) => row.outcome === 'OK')
        .map((row) => `${row.action} ${row.actorEmail}`),
    ).toEqual([`updateSku ${people.operator}`, `adjustStock ${people.operator}`]);
    const movers = await shop.call(stockMovers, { id: skuId }, tokens.cs);
    expect(movers.data?.sku.stockMovements[0]).toEqual({
      reason: 'DAMAGED',
      quantity: -1,
      actor: { email: people.operator, role: 'OPERATOR' },
    });

    const wholeLog = await shop.call(staffActions, { filter: { first: 5 } }, tokens.cs);
    expect(wholeLog.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const anonymous = await shop.call(actionsOn, { ids: [skuId] });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const none = await shop.call(actionsOn, { ids: [] }, tokens.cs);
    expect(none.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('ends the sessions of someone whose role is taken away; they sign in again as a customer', async () => {
    const session = await signIn(people.viewer);
    const taken = await shop.call(
      setStaffRole,
      { input: { email: people.viewer, role: null } },
      shop.adminToken,
    );
    expect(taken.data?.setStaffRole).toMatchObject({ __typename: 'StaffMember', role: null });
    const refreshed = await shop.call(refresh, { token: session.refreshToken });
    expect(refreshed.data?.refreshToken.__typename).toBe('InvalidRefreshToken');
    const again = await signIn(people.viewer);
    const orders = await shop.call(adminOrders, {}, again.accessToken);
    expect(orders.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
