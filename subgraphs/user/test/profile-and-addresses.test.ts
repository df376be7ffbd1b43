import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authService } from '@shop/auth';
import type { Caller } from '@shop/kit/identity';
import { startServices, type StartedServices } from '@shop/testkit';
import { userService } from '../src/service.js';

const signUp = `mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) { __typename ... on AuthSession { userId } ... on ErrorResult { errorCode } }
}`;
const me = `{ me { id email name grade pointsBalance addresses { id label isDefault } } }`;
const addAddress = `mutation Add($input: AddressInput!) {
  addAddress(input: $input) {
    __typename
    ... on Address { id isDefault }
    ... on InvalidInput { issues { field message } }
  }
}`;

const anonymous: Caller = { via: 'router', identity: { kind: 'anonymous' }, clientIp: '10.0.0.1' };
const asUser = (userId: string): Caller => ({
  via: 'router',
  identity: { kind: 'user', userId, roles: ['CUSTOMER'] },
});
const address = {
  label: '집',
  recipient: '홍길동',
  phone: '010-1234-5678',
  postalCode: '04524',
  line1: '서울 중구 세종대로 110',
};

describe('user profiles and address books (embedded)', () => {
  let shop: StartedServices;
  let alice: string;
  let bob: string;

  async function register(email: string, name: string): Promise<string> {
    const result = await shop.callSubgraph<{ signUp: { userId: string } }>(
      'auth',
      signUp,
      anonymous,
      {
        variables: { input: { email, password: 'a long enough password', name } },
      },
    );
    return result.data!.signUp.userId;
  }

  beforeAll(async () => {
    shop = await startServices([userService, authService]);
    alice = await register('alice@example.com', '앨리스');
    bob = await register('bob@example.com', 'Bob');
  });

  afterAll(async () => {
    await shop.stop();
  });

  it('has the profile right after sign-up', async () => {
    const result = await shop.callSubgraph('user', me, asUser(alice));
    expect(result.data).toEqual({
      me: {
        id: alice,
        email: 'alice@example.com',
        name: '앨리스',
        grade: 'BASIC',
        pointsBalance: 0,
        addresses: [],
      },
    });
  });

  it('keeps address books apart and the first address is the default', async () => {
    const added = await shop.callSubgraph<{ addAddress: { id: string; isDefault: boolean } }>(
      'user',
      addAddress,
      asUser(alice),
      { variables: { input: address } },
    );
    expect(added.data?.addAddress).toMatchObject({ __typename: 'Address', isDefault: true });
    const bobs = await shop.callSubgraph<{ me: { addresses: unknown[] } }>('user', me, asUser(bob));
    expect(bobs.data?.me.addresses).toEqual([]);

    // Bob cannot change or remove Alice's address by its id.
    const id = added.data!.addAddress.id;
    const update = await shop.callSubgraph(
      'user',
      `mutation($id: ID!, $input: AddressInput!) { updateAddress(id: $id, input: $input) { __typename } }`,
      asUser(bob),
      { variables: { id, input: { ...address, label: 'stolen' } } },
    );
    expect(update.data).toEqual({ updateAddress: { __typename: 'AddressNotFound' } });
    const removal = await shop.callSubgraph(
      'user',
      `mutation($id: ID!) { removeAddress(id: $id) }`,
      asUser(bob),
      {
        variables: { id },
      },
    );
    expect(removal.data).toEqual({ removeAddress: false });
  });

  it('refuses another user through _entities, and anonymous callers entirely', async () => {
    const entities = await shop.callSubgraph(
      'user',
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { email } } }`,
      asUser(bob),
      { variables: { r: [{ __typename: 'User', id: alice }] } },
    );
    expect(entities.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(entities.data)).not.toContain('alice@example.com');

    const anonymousMe = await shop.callSubgraph('user', me, anonymous);
    expect(anonymousMe.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('answers bad input with every issue and changes nothing', async () => {
    const result = await shop.callSubgraph<{ addAddress: { issues: { field: string }[] } }>(
      'user',
      addAddress,
      asUser(bob),
      { variables: { input: { ...address, postalCode: '12', phone: 'call me' } } },
    );
    expect(result.data?.addAddress.issues.map((issue) => issue.field).sort()).toEqual([
      'phone',
      'postalCode',
    ]);
    const bobs = await shop.callSubgraph<{ me: { addresses: unknown[] } }>('user', me, asUser(bob));
    expect(bobs.data?.me.addresses).toEqual([]);
  });

  it('refuses a request without the router or a service behind it', async () => {
    const result = await shop.callSubgraph('user', me, undefined);
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
