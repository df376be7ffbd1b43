import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authService } from '@shop/auth';
import { decodeProtectedHeader } from 'jose';
import { createRuntime, startService } from '@shop/kit/service';
import {
  freePort,
  graphqlRequest,
  probeInfra,
  startServices,
  waitFor,
  type StartedServices,
} from '@shop/testkit';
import { userService } from '@shop/user';
import { createRouter, type RunningRouter } from '../src/create-router.js';
import {
  authSigningKey,
  createAdmin,
  publicKeyAsHmacSecret,
  signWith,
  strangerKey,
  unsignedToken,
} from './forged-tokens.js';

const signUpMutation = `mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) {
    __typename
    ... on AuthSession { userId accessToken refreshToken }
    ... on ErrorResult { errorCode message }
  }
}`;
const loginMutation = `mutation Login($input: LoginInput!) {
  login(input: $input) {
    __typename
    ... on AuthSession { userId accessToken refreshToken }
    ... on ErrorResult { errorCode message }
  }
}`;
const refreshMutation = `mutation Refresh($token: String!) {
  refreshToken(refreshToken: $token) {
    __typename
    ... on AuthSession { accessToken refreshToken }
    ... on InvalidRefreshToken { reason }
  }
}`;
const meQuery = `query Me { me { id email name phone addresses { label isDefault } } }`;

interface Session {
  userId: string;
  accessToken: string;
  refreshToken: string;
}

const userRequestsPerMinute = 40;

const infra = await probeInfra(['mysql', 'kafka', 'redis']);
const runs = [
  { name: 'embedded', env: {}, skip: false },
  { name: 'real services', env: { SHOP_INFRA: 'real' }, skip: !infra.ok },
];

describe.each(runs)('the supergraph through the router ($name)', ({ env, skip }) => {
  if (skip) {
    it.skip(`needs the real services: ${infra.reason}`, () => {});
    return;
  }
  let shop: StartedServices;
  let router: RunningRouter;
  let users = 0;
  // Real databases outlive the run: every email is new.
  const runId = Math.random().toString(36).slice(2, 10);

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the assertions check the shape
  const call = <Data = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ) => graphqlRequest<Data>(router.url, query, { variables, token });

  async function newCustomer(): Promise<Session & { email: string; password: string }> {
    const email = `customer${++users}.${runId}@example.com`;
    const password = 'correct horse battery staple';
    const result = await call<{ signUp: Session }>(signUpMutation, {
      input: { email, password, name: `고객 ${users}` },
    });
    return { ...result.data!.signUp, email, password };
  }

  beforeAll(async () => {
    shop = await startServices([userService, authService], {
      SHOP_RATE_LIMIT_USER_PER_MINUTE: String(userRequestsPerMinute),
      SHOP_RATE_LIMIT_IP_PER_MINUTE: '10000',
      SHOP_LOGIN_ATTEMPTS_PER_IP: '10000',
      SHOP_QUERY_MAX_COST: '200',
      SHOP_SUBGRAPH_BREAKER_FAILURES: '2',
      SHOP_SUBGRAPH_BREAKER_HALF_OPEN_MS: '1000',
      SHOP_JWKS_COOLDOWN_MS: '300',
      ...env,
    });
    router = await createRouter(shop.runtime, { port: await freePort() });
  });

  afterAll(async () => {
    await router?.stop();
    await shop?.stop();
  });

  it('signs up, logs in, reads and edits the profile and addresses', async () => {
    const customer = await newCustomer();
    const login = await call<{ login: Session }>(loginMutation, {
      input: { email: customer.email, password: customer.password },
    });
    expect(login.data?.login).toMatchObject({ __typename: 'AuthSession', userId: customer.userId });
    const token = login.data!.login.accessToken;

    const me = await call(meQuery, {}, token);
    expect(me.data?.me).toMatchObject({
      id: customer.userId,
      email: customer.email,
      addresses: [],
    });

    const update = await call(
      `mutation { updateProfile(input: { name: "김철수", phone: "010-9876-5432" }) { __typename ... on User { name phone } } }`,
      {},
      token,
    );
    expect(update.data?.updateProfile).toEqual({
      __typename: 'User',
      name: '김철수',
      phone: '010-9876-5432',
    });

    const added = await call(
      `mutation($input: AddressInput!) { addAddress(input: $input) { __typename ... on Address { label isDefault } } }`,
      {
        input: {
          label: '회사',
          recipient: '김철수',
          phone: '010-9876-5432',
          postalCode: '06236',
          line1: '서울 강남구 테헤란로 152',
        },
      },
      token,
    );
    expect(added.data?.addAddress).toEqual({
      __typename: 'Address',
      label: '회사',
      isDefault: true,
    });
    const after = await call(meQuery, {}, token);
    expect(after.data?.me).toMatchObject({
      name: '김철수',
      addresses: [{ label: '회사', isDefault: true }],
    });
  });

  it('rotates refresh tokens, revokes the family on reuse, and logs out', async () => {
    const customer = await newCustomer();
    const first = await call<{ refreshToken: Session }>(refreshMutation, {
      token: customer.refreshToken,
    });
    expect(first.data?.refreshToken.refreshToken).toBeTruthy();
    expect(first.data?.refreshToken.refreshToken).not.toBe(customer.refreshToken);

    const replay = await call(refreshMutation, { token: customer.refreshToken });
    expect(replay.data?.refreshToken).toEqual({
      __typename: 'InvalidRefreshToken',
      reason: 'reused',
    });
    const victim = await call(refreshMutation, { token: first.data!.refreshToken.refreshToken });
    expect(victim.data?.refreshToken).toEqual({
      __typename: 'InvalidRefreshToken',
      reason: 'revoked',
    });

    const other = await call<{ login: Session }>(loginMutation, {
      input: { email: customer.email, password: customer.password },
    });
    const logout = await call(`mutation($t: String!) { logout(refreshToken: $t) }`, {
      t: other.data!.login.refreshToken,
    });
    expect(logout.data).toEqual({ logout: true });
    const afterLogout = await call(refreshMutation, { token: other.data!.login.refreshToken });
    expect(afterLogout.data?.refreshToken).toEqual({
      __typename: 'InvalidRefreshToken',
      reason: 'revoked',
    });
  });

  it('refuses forged, expired and misdirected tokens with a clear 401', async () => {
    const customer = await newCustomer();
    const key = await authSigningKey(shop.runtime);
    const cases: [string, string][] = [
      ['alg none', unsignedToken(customer.userId)],
      ['HS256 with the public key', await publicKeyAsHmacSecret(key.publicJwk, customer.userId)],
      ['unknown kid', await signWith(await strangerKey(), { sub: customer.userId })],
      ['expired', await signWith(key, { sub: customer.userId, expiresInSeconds: -60 })],
      ['wrong issuer', await signWith(key, { sub: customer.userId, iss: 'someone-else' })],
      ['wrong audience', await signWith(key, { sub: customer.userId, aud: 'another-app' })],
      ['garbage', 'not.a.jwt'],
    ];
    for (const [name, token] of cases) {
      const result = await call(meQuery, {}, token);
      expect(result.status, name).toBe(401);
      expect(result.errors?.[0]?.extensions?.code, name).toBe('UNAUTHENTICATED');
      expect(result.data, name).toBeUndefined();
    }
    const expired = await call(
      meQuery,
      {},
      await signWith(key, { sub: customer.userId, expiresInSeconds: -60 }),
    );
    expect(expired.errors?.[0]?.message).toMatch(/expired.*refreshToken/);
    // The control: the same key and claims, in date, get through.
    const valid = await call(meQuery, {}, await signWith(key, { sub: customer.userId }));
    expect(valid.data?.me).toMatchObject({ id: customer.userId });
  });

  it('refuses a request sent straight to a subgraph', async () => {
    const direct = await graphqlRequest(shop.services.get('user')!.url, meQuery, {
      headers: { 'x-shop-internal-token': 'forged' },
    });
    expect(direct.status).toBe(401);
    expect(direct.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('shows each customer only their own data', async () => {
    const alice = await newCustomer();
    const bob = await newCustomer();
    const bobsView = await call(meQuery, {}, bob.accessToken);
    expect(bobsView.data?.me.id).toBe(bob.userId);
    const adminOnly = await call(`{ users { nodes { email } } }`, {}, bob.accessToken);
    expect(adminOnly.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(adminOnly.data ?? {})).not.toContain(alice.email);
  });

  it('refuses over-aliased, over-cost, over-long and over-directed queries, and batches', async () => {
    const customer = await newCustomer();
    const refused = async (query: string) => {
      const result = await call(query, {}, customer.accessToken);
      return {
        status: result.status,
        code: result.errors?.[0]?.extensions?.code,
        message: result.errors?.[0]?.message,
      };
    };
    // Depth is checked in query-limits.test.ts: this schema has no path deep enough to hit 12.
    const aliases = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: me { id }`).join(' ')} }`;
    expect(await refused(aliases)).toMatchObject({
      status: 400,
      code: 'QUERY_TOO_COMPLEX',
    });
    const costly = `{ me { pointsHistory(first: 100) { delta balanceAfter reason } } }`;
    expect(await refused(costly)).toMatchObject({
      status: 400,
      code: 'QUERY_TOO_COMPLEX',
    });
    const long = `{ me { ${'id '.repeat(3100)} } }`;
    expect(await refused(long)).toMatchObject({ status: 400, code: 'QUERY_TOO_COMPLEX' });
    const directives = `{ me { ${Array.from({ length: 21 }, (_, i) => `f${i}: id @include(if: true)`).join(' ')} } }`;
    expect(await refused(directives)).toMatchObject({
      status: 400,
      code: 'QUERY_TOO_COMPLEX',
    });
    const fine = await call(meQuery, {}, customer.accessToken);
    expect(fine.data?.me.id).toBe(customer.userId);

    const batch = await fetch(router.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]),
    });
    expect(batch.status).toBe(400);
  });

  it('counts every aliased login as an attempt', async () => {
    const victim = await newCustomer();
    const attempts = Array.from(
      { length: 20 },
      (_, i) =>
        `a${i}: login(input: { email: "${victim.email}", password: "wrong ${i}" }) { __typename }`,
    );
    const result = await call<Record<string, { __typename: string }>>(
      `mutation { ${attempts.join(' ')} }`,
    );
    const outcomes = Object.values(result.data ?? {}).map((value) => value.__typename);
    expect(outcomes.filter((name) => name === 'InvalidCredentials')).toHaveLength(5);
    expect(outcomes.filter((name) => name === 'TooManyAttempts')).toHaveLength(15);
    // The account is now locked even for the right password.
    const locked = await call(loginMutation, {
      input: { email: victim.email, password: victim.password },
    });
    expect(locked.data?.login.__typename).toBe('TooManyAttempts');

    const hundred = Array.from(
      { length: 100 },
      (_, i) => `a${i}: login(input: { email: "x@y.z", password: "p" }) { __typename }`,
    );
    const refused = await call(`mutation { ${hundred.join(' ')} }`);
    expect(refused.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(refused.data).toBeUndefined();
  });

  it('answers the request over the limit with 429 and Retry-After, for that user only', async () => {
    const busy = await newCustomer();
    const calm = await newCustomer();
    let last = await call(meQuery, {}, busy.accessToken);
    for (let i = 1; i < userRequestsPerMinute && last.status === 200; i++)
      last = await call(meQuery, {}, busy.accessToken);
    expect(last.status).toBe(200);
    const over = await call(meQuery, {}, busy.accessToken);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(over.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    const other = await call(meQuery, {}, calm.accessToken);
    expect(other.status).toBe(200);
  });

  it('fails fast while the user subgraph is down, keeps auth working, and recovers', async () => {
    const customer = await newCustomer();
    const user = shop.services.get('user')!;
    await user.stop();
    try {
      for (let i = 0; i < 3; i++) await call(meQuery, {}, customer.accessToken);
      const down = await call(meQuery, {}, customer.accessToken);
      // Fails fast: the open circuit refuses without trying the user subgraph.
      expect(down.errors?.[0]?.extensions).toMatchObject({
        code: 'SUBGRAPH_UNAVAILABLE',
        reason: 'circuit_open',
      });
      expect(down.errors?.[0]?.message).toMatch(/user/);
      const login = await call(loginMutation, {
        input: { email: customer.email, password: customer.password },
      });
      expect(login.data?.login.__typename).toBe('AuthSession');
    } finally {
      shop.services.set('user', await startService(userService, shop.runtime, { port: user.port }));
    }
    // The circuit lets a trial through once its half-open delay (1 s here) has passed.
    const back = await waitFor(
      'the router to reach the user subgraph again',
      async () => (await call(meQuery, {}, customer.accessToken)).data?.me?.id,
    );
    expect(back).toBe(customer.userId);
  });

  it('lets an admin search users and rotate the signing key, picked up without a restart', async () => {
    const customer = await newCustomer();
    const adminEmail = `admin.${runId}@example.com`;
    await createAdmin(shop.runtime, adminEmail, 'admin password 123');
    const login = await call<{ login: Session }>(loginMutation, {
      input: { email: adminEmail, password: 'admin password 123' },
    });
    const adminToken = login.data!.login.accessToken;
    const search = await call(
      `query($q: String) { users(search: { query: $q, first: 5 }) { nodes { id email } hasNextPage } }`,
      { q: customer.email },
      adminToken,
    );
    expect(search.data?.users.nodes).toEqual([{ id: customer.userId, email: customer.email }]);

    const oldKey = await authSigningKey(shop.runtime);
    const oldKid = decodeProtectedHeader(adminToken).kid;
    const rotated = await call(`mutation { rotateSigningKey }`, {}, adminToken);
    const newKid = rotated.data?.rotateSigningKey;
    expect(newKid).toBeTruthy();
    expect(newKid).not.toBe(oldKid);
    const fresh = await call<{ login: Session }>(loginMutation, {
      input: { email: customer.email, password: customer.password },
    });
    expect(fresh.errors, JSON.stringify(fresh.errors)).toBeUndefined();
    expect(decodeProtectedHeader(fresh.data!.login.accessToken).kid).toBe(newKid);
    // The router fetches the JWKS again for the new kid once its cooldown (300 ms here) allows.
    const accepted = await waitFor(
      'the router to accept the new key',
      async () => (await call(meQuery, {}, fresh.data!.login.accessToken)).data?.me?.id,
    );
    expect(accepted).toBe(customer.userId);
    // Tokens signed before the rotation stay valid until they expire.
    expect((await call(meQuery, {}, customer.accessToken)).data?.me.id).toBe(customer.userId);
    // A token from the rotated-out key after its expiry is refused.
    const stale = await call(
      meQuery,
      {},
      await signWith(oldKey, { sub: customer.userId, expiresInSeconds: -60 }),
    );
    expect(stale.status).toBe(401);
    // A customer may not rotate keys.
    const denied = await call(`mutation { rotateSigningKey }`, {}, customer.accessToken);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('allows listed origins only, and keeps CSRF prevention on', async () => {
    const allowed = await fetch(router.url, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const other = await fetch(router.url, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();

    const simpleGet = await fetch(`${router.url}?query=${encodeURIComponent('{ __typename }')}`);
    expect(simpleGet.status).toBe(400);
    const simplePost = await fetch(router.url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(simplePost.status).toBe(400);
  });

  it('hides introspection and field suggestions in production', async () => {
    const productionRuntime = createRuntime('router-production', {
      ...shop.runtime.env,
      NODE_ENV: 'production',
      SHOP_CORS_ORIGINS: 'https://shop.example.com',
    });
    const production = await createRouter(productionRuntime, { port: await freePort() });
    try {
      const introspection = await graphqlRequest(production.url, '{ __schema { types { name } } }');
      expect(introspection.errors?.[0]?.message).toMatch(/introspection/i);
      const typo = await graphqlRequest(production.url, '{ mee { id } }');
      expect(typo.errors?.[0]?.message).toMatch(/Cannot query field "mee"/);
      expect(typo.errors?.[0]?.message).not.toMatch(/Did you mean/);
      const development = await graphqlRequest(router.url, '{ mee { id } }');
      expect(development.errors?.[0]?.message).toMatch(/Did you mean/);
    } finally {
      await production.stop();
      await productionRuntime.close();
    }
  });

  it('serves health and readiness, and metrics on the metrics port', async () => {
    const base = router.url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/ready`)).status).toBe(200);
    expect((await fetch(`${base}/metrics`)).status).toBe(404);
    const metrics = await (await fetch(router.metricsUrl)).text();
    expect(metrics).toMatch(/router_requests_total\{operation="Me",outcome="success"\}/);
    expect(metrics).toContain('router_subgraph_fetches_total');
  });
});
