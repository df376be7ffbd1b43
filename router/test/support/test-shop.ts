import { Writable } from 'node:stream';
import { composeServices } from '@apollo/composition';
import { GraphQLError, parse } from 'graphql';
import { pino } from 'pino';
import { graphqlRequest, type GraphQLRequestOptions } from '@shop/testkit';
import { createRouter, type RouterDeps, type RunningRouter } from '../../src/create-router.js';
import { loadRouterConfig } from '../../src/config.js';
import {
  audience,
  issuer,
  newSigningKey,
  signAccessToken,
  startJwksServer,
  type JwksServer,
  type SigningKey,
  type TokenOptions,
} from './jwks-server.js';
import { startTestSubgraph, type SubgraphContext, type TestSubgraph } from './test-subgraph.js';

export const internalSecret = 'router-tests-internal-secret-0123456789abcdef';

const accountsSdl = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Query {
    "What the subgraph verified about its caller."
    whoami: Caller!
    me: Account
  }
  type Mutation {
    "Counts attempts; always fails (with an error for one email)."
    login(email: String!, password: String!): Boolean!
  }
  type Caller {
    via: String!
    kind: String!
    userId: ID
    roles: [String!]!
    clientIp: String
    requestId: String
  }
  type Account @key(fields: "id") {
    id: ID!
    name: String!
    friends(first: Int): [Account!]!
    "Nullable items, so a missing catalog leaves the rest of the account."
    favorites: [Product]!
    "Non-null items, one of a product the catalog no longer has: it nulls the whole account."
    wishlist: [Product!]!
  }
  type Product @key(fields: "id", resolvable: false) {
    id: ID!
  }
`;

const catalogSdl = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  type Query {
    products(first: Int): [Product!]!
    product(id: ID!): Product
  }
  type Product @key(fields: "id") {
    id: ID!
    name: String!
    price: Int!
    related(limit: Int): [Product!]!
  }
`;

/** A product the catalog resolves to nothing, as one deleted since it was referenced. */
export const removedProductId = 'p-removed';
/** A product whose read fails, and an email whose login fails, with a coded error. */
export const brokenProductId = 'p-broken';
export const failingLoginEmail = 'down@example.com';
/** What the test catalog prices every product at, unless a test changes it (`setCatalogPrice`). */
export const catalogPrice = 1000;
const account = (id: string) => ({ id, name: `Account ${id}` });

export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

export interface TestShop {
  router: RunningRouter;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  accounts: TestSubgraph;
  catalog: TestSubgraph;
  jwks: JwksServer;
  /** Published in the JWKS from the start. */
  key: SigningKey;
  logs: LogLine[];
  loginAttempts(): number;
  /** The price the catalog answers with from now on. */
  setCatalogPrice(price: number): void;
  /** An access token for `sub`, signed with `key` unless another is given. */
  token(sub: string, options?: Omit<TokenOptions, 'sub'>, key?: SigningKey): Promise<string>;
  call<Data = Record<string, unknown>>(
    query: string,
    options?: GraphQLRequestOptions,
  ): ReturnType<typeof graphqlRequest<Data>>;
  stop(): Promise<void>;
}

/**
 * Two real subgraphs (accounts, catalog), a JWKS server with one key, and the router in front on
 * port 0, configured through `loadRouterConfig` like production: the supergraph is composed with
 * dead URLs and `SHOP_SUBGRAPH_URL_<NAME>` points the router at the running subgraphs. Given a
 * `catalogCache`, the router caches catalog answers by the listing generation kept there.
 */
export async function startTestShop(
  env: Record<string, string> = {},
  deps: Pick<RouterDeps, 'catalogCache'> = {},
): Promise<TestShop> {
  let logins = 0;
  let price = catalogPrice;
  const product = (id: string) => ({ id, name: `Product ${id}`, price });
  const accounts = await startTestSubgraph({
    name: 'accounts',
    sdl: accountsSdl,
    internalSecret,
    resolvers: {
      Query: {
        whoami: (_: unknown, __: unknown, { caller, requestId }: SubgraphContext) => ({
          via: caller.via,
          kind: caller.identity.kind,
          userId: caller.identity.kind === 'user' ? caller.identity.userId : null,
          roles: caller.identity.kind === 'user' ? caller.identity.roles : [],
          clientIp: caller.clientIp ?? null,
          requestId,
        }),
        me: (_: unknown, __: unknown, { caller }: SubgraphContext) =>
          caller.identity.kind === 'user' ? account(caller.identity.userId) : null,
      },
      Mutation: {
        login: (_: unknown, args: { email: string }) => {
          logins++;
          if (args.email === failingLoginEmail)
            throw new GraphQLError('The account store did not answer.', {
              extensions: { code: 'ACCOUNTS_DOWN' },
            });
          return false;
        },
      },
      Account: {
        __resolveReference: (ref: { id: string }) => account(ref.id),
        friends: (parent: { id: string }, args: { first?: number }) =>
          Array.from({ length: Math.min(args.first ?? 3, 20) }, (_, i) =>
            account(`${parent.id}.${i}`),
          ),
        favorites: () => [{ id: 'p1' }, { id: 'p2' }],
        wishlist: () => [{ id: 'p1' }, { id: removedProductId }],
      },
    },
  });
  const catalog = await startTestSubgraph({
    name: 'catalog',
    sdl: catalogSdl,
    internalSecret,
    resolvers: {
      Query: {
        products: (_: unknown, args: { first?: number }) =>
          Array.from({ length: Math.min(args.first ?? 3, 50) }, (_, i) => product(`p${i + 1}`)),
        product: (_: unknown, args: { id: string }) => {
          if (args.id === brokenProductId)
            throw new GraphQLError('This product cannot be read.', {
              extensions: { code: 'PRODUCT_BROKEN' },
            });
          return product(args.id);
        },
      },
      Product: {
        __resolveReference: (ref: { id: string }) =>
          ref.id === removedProductId ? null : product(ref.id),
        related: (parent: { id: string }, args: { limit?: number }) =>
          Array.from({ length: Math.min(args.limit ?? 2, 20) }, (_, i) =>
            product(`${parent.id}-${i}`),
          ),
      },
    },
  });
  const composed = composeServices([
    { name: 'accounts', url: 'http://127.0.0.1:9/graphql', typeDefs: parse(accountsSdl) },
    { name: 'catalog', url: 'http://127.0.0.1:9/graphql', typeDefs: parse(catalogSdl) },
  ]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));

  const jwks = await startJwksServer();
  const key = await newSigningKey('key-1');
  jwks.publish(key);

  const logs: LogLine[] = [];
  const logger = pino(
    { level: 'info' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n').filter(Boolean))
          logs.push(JSON.parse(line) as LogLine);
        done();
      },
    }),
  );
  const config = loadRouterConfig({
    SHOP_INTERNAL_SECRET: internalSecret,
    SHOP_PORT_ROUTER: '0',
    SHOP_AUTH_JWKS_URL: jwks.url,
    SHOP_JWT_ISSUER: issuer,
    SHOP_JWT_AUDIENCE: audience,
    SHOP_SUBGRAPH_URL_ACCOUNTS: accounts.url,
    SHOP_SUBGRAPH_URL_CATALOG: catalog.url,
    SHOP_CORS_ORIGINS: 'https://shop.example',
    ...env,
  });
  const router = await createRouter(config, {
    supergraphSdl: composed.supergraphSdl,
    logger,
    ...deps,
  });

  return {
    router,
    origin: new URL(router.url).origin,
    accounts,
    catalog,
    jwks,
    key,
    logs,
    loginAttempts: () => logins,
    setCatalogPrice: (newPrice) => (price = newPrice),
    token: (sub, options = {}, signingKey = key) =>
      signAccessToken(signingKey, { sub, ...options }),
    call: (query, options) => graphqlRequest(router.url, query, options),
    stop: async () => {
      await router.stop();
      await accounts.close();
      await catalog.close();
      await jwks.close();
    },
  };
}
