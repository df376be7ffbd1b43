import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSchema, getOperationAST, parse } from 'graphql';
import { measureOperation } from '../src/limits/measure-operation.js';
import { startTestShop, type TestShop } from './support/test-shop.js';

describe('the cost model', () => {
  const schema = buildSchema(`
    type Query { products(first: Int): [Product!]! users(search: Search): UserPage! me: User }
    input Search { query: String first: Int }
    type UserPage { nodes: [User!]! total: Int! }
    type User { id: ID! name: String! friends: [User!]! tags: [String!]! }
    type Product { id: ID! name: String! related(limit: Int): [Product!]! }
  `);
  const measure = (query: string, variables?: Record<string, unknown>) => {
    const document = parse(query);
    return measureOperation({ schema, document, operation: getOperationAST(document)!, variables });
  };

  it('costs 1 per field, times the page size of the lists above it', () => {
    expect(measure(`{ me { id name } }`)).toMatchObject({ cost: 3, depth: 2 });
    expect(measure(`{ products(first: 20) { id name } }`).cost).toBe(1 + 20 * 2);
    expect(measure(`{ products(first: 20) { related(limit: 5) { id } } }`).cost).toBe(
      1 + 20 * (1 + 5 * 1),
    );
  });

  it('assumes 10 items for a list without a page size, and 1 for a list of scalars', () => {
    expect(measure(`{ me { friends { id } } }`).cost).toBe(1 + (1 + 10 * 1));
    expect(measure(`{ me { tags } }`).cost).toBe(2);
  });

  it("reads page sizes from variables and input objects, and a connection's nodes inherit them", () => {
    expect(measure(`query($n: Int) { products(first: $n) { id } }`, { n: 300 }).cost).toBe(301);
    expect(measure(`{ users(search: { first: 5 }) { nodes { id } total } }`).cost).toBe(
      1 + (1 + 5 * 1) + 1,
    );
    expect(
      measure(`query($s: Search) { users(search: $s) { nodes { id } } }`, { s: { first: 7 } }).cost,
    ).toBe(1 + (1 + 7));
  });

  it('counts fragments per use without walking them exponentially', () => {
    const fragments = Array.from(
      { length: 40 },
      (_, i) =>
        `fragment F${i} on User { ${i === 39 ? 'id' : `a: friends { ...F${i + 1} } b: friends { ...F${i + 1} }`} }`,
    ).join('\n');
    const started = performance.now();
    const result = measure(`{ me { ...F0 } } ${fragments}`);
    expect(performance.now() - started).toBeLessThan(200);
    expect(result.aliases).toBeGreaterThan(1e9);
    expect(result.cost).toBeGreaterThan(1e9);
  });

  it('leaves introspection out of depth and cost, but not out of aliases', () => {
    const introspection = measure(
      `{ __schema { types { fields { type { ofType { ofType { ofType { name } } } } } } } }`,
    );
    expect(introspection).toMatchObject({ depth: 0, cost: 0 });
    expect(measure(`{ a: __schema { types { name } } b: __typename }`).aliases).toBe(2);
  });
});

describe('query limits at the router', () => {
  let shop: TestShop;
  const refusal = async (query: string, variables?: Record<string, unknown>) => {
    const result = await shop.call(query, { variables });
    return {
      status: result.status,
      code: result.errors?.[0]?.extensions?.code,
      message: result.errors?.[0]?.message ?? '',
      data: result.data,
    };
  };

  beforeAll(async () => {
    // Defaults except the cost, lowered so the small test schema can reach it.
    shop = await startTestShop({ SHOP_QUERY_MAX_COST: '500' });
  });
  afterAll(async () => {
    await shop?.stop();
  });

  it('passes a normal query', async () => {
    const result = await shop.call(`{ products(first: 5) { id name related(limit: 2) { id } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.products).toHaveLength(5);
  });

  it('refuses a query deeper than 12 levels', async () => {
    const nest = (levels: number) =>
      `{ me { ${'friends(first: 1) { '.repeat(levels - 2)}id${' }'.repeat(levels - 2)} } }`;
    expect((await shop.call(nest(12))).errors).toBeUndefined();
    expect(await refusal(nest(13))).toMatchObject({
      status: 400,
      code: 'QUERY_TOO_COMPLEX',
      message: expect.stringMatching(/13 levels deep \(at most 12\)/),
    });
  });

  it('refuses more than 30 aliases: 100 aliased logins never reach the subgraph', async () => {
    const logins = (count: number) =>
      `mutation { ${Array.from({ length: count }, (_, i) => `a${i}: login(email: "v@x.y", password: "guess ${i}")`).join(' ')} }`;
    const before = shop.loginAttempts();
    expect(await refusal(logins(100))).toMatchObject({
      status: 400,
      code: 'QUERY_TOO_COMPLEX',
      message: expect.stringMatching(/100 aliases \(at most 30\)/),
      data: undefined,
    });
    expect(shop.loginAttempts()).toBe(before);
    // At the limit, each alias is one resolver call: one attempt each, for the subgraph to count.
    const atLimit = await shop.call(logins(30));
    expect(atLimit.errors).toBeUndefined();
    expect(shop.loginAttempts()).toBe(before + 30);
  });

  it('refuses an estimated cost over the limit, with variables counted', async () => {
    expect(await refusal(`{ products(first: 50) { related(limit: 20) { name } } }`)).toMatchObject({
      status: 400,
      code: 'QUERY_TOO_COMPLEX',
      message: expect.stringMatching(/estimated cost is 1051 \(at most 500/),
    });
    const paged = `query Page($n: Int) { products(first: $n) { name } }`;
    expect(await refusal(paged, { n: 1000 })).toMatchObject({
      status: 400,
      code: 'QUERY_TOO_COMPLEX',
    });
    expect((await shop.call(paged, { variables: { n: 5 } })).errors).toBeUndefined();
  });

  it('refuses more than 3000 tokens at parse time', async () => {
    const long = `{ products(first: 1) { ${'id '.repeat(3000)} } }`;
    expect(await refusal(long)).toMatchObject({
      status: 400,
      code: 'QUERY_TOO_COMPLEX',
      message: expect.stringMatching(/more than 3000 tokens/),
    });
  });

  it('refuses more than 20 directives', async () => {
    const directives = (count: number) =>
      `{ products(first: 1) { ${Array.from({ length: count }, (_, i) => `f${i}: id @include(if: true)`).join(' ')} } }`;
    expect((await shop.call(directives(20))).errors).toBeUndefined();
    expect(await refusal(directives(21))).toMatchObject({
      status: 400,
      code: 'QUERY_TOO_COMPLEX',
      message: expect.stringMatching(/21 directives \(at most 20\)/),
    });
  });

  it('refuses batched requests', async () => {
    const response = await fetch(shop.router.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ products { id } }' }, { query: '{ products { id } }' }]),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/batching/i);
  });

  it('refuses a body over the size limit before parsing it', async () => {
    const response = await fetch(shop.router.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }', variables: { x: 'x'.repeat(1_100_000) } }),
    });
    expect(response.status).toBe(413);
  });
});
