import { globSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Kind,
  buildSchema,
  getOperationAST,
  parse,
  type DefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import { measureOperation } from '../src/limits/measure-operation.js';
import { startTestShop, type TestShop } from './support/test-shop.js';

describe('the cost model', () => {
  const schema = buildSchema(`
    type Query {
      products(first: Int): [Product!]!
      users(search: Search): UserPage!
      me: User
      recent(first: Int! = 20): [Product!]!
      staff(search: StaffSearch): UserPage!
    }
    input Search { query: String first: Int }
    input StaffSearch { query: String first: Int = 15 }
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

  it("applies variables' defaults and the schema's argument defaults", () => {
    const paged = `query ($n: Int = 100) { products(first: $n) { id } }`;
    expect(measure(paged).cost).toBe(1 + 100);
    // A value given wins over the default.
    expect(measure(paged, { n: 3 }).cost).toBe(1 + 3);
    expect(measure(`{ recent { id } }`).cost).toBe(1 + 20);
    expect(measure(`query ($n: Int! = 7) { recent(first: $n) { id } }`).cost).toBe(1 + 7);
    // An input object given gets its fields' defaults; left out, the subgraph decides (below).
    expect(measure(`{ staff(search: { query: "a" }) { nodes { id } } }`).cost).toBe(1 + (1 + 15));
  });

  it('counts a page size the request leaves to the subgraph as the largest page', () => {
    // No value and no default: the subgraph picks, up to its largest page (100 unless told).
    expect(measure(`query ($n: Int) { products(first: $n) { id } }`).cost).toBe(1 + 100);
    expect(measure(`query ($n: Int) { products(first: $n) { id } }`, { n: null }).cost).toBe(
      1 + 100,
    );
    expect(measure(`{ products { id } }`).cost).toBe(1 + 100);
    expect(measure(`{ users { nodes { id } } }`).cost).toBe(1 + (1 + 100));
    expect(measure(`{ staff { nodes { id } } }`).cost).toBe(1 + (1 + 100));
    const document = parse(`{ products { id } }`);
    expect(
      measureOperation({
        schema,
        document,
        operation: getOperationAST(document)!,
        maxPageSize: 40,
      }).cost,
    ).toBe(1 + 40);
    // A list that takes no page size at all keeps the assumed 10.
    expect(measure(`{ me { friends { id } } }`).cost).toBe(1 + (1 + 10));
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

describe("the first-party clients' operations", () => {
  it('all stay within the default cost, counted with no variables (every page at its largest)', () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const schema = buildSchema(readFileSync(`${root}router/api-schema.graphql`, 'utf8'));
    const definitions: DefinitionNode[] = globSync('client/src/**/*.graphql', {
      cwd: root,
    }).flatMap((file) => parse(readFileSync(`${root}${file}`, 'utf8')).definitions);
    const fragments = definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
    const operations = definitions.filter(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    );
    expect(operations.length).toBeGreaterThan(10);
    const over = operations
      .map((operation) => {
        const document = { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] } as const;
        return [operation.name?.value, measureOperation({ schema, document, operation }).cost];
      })
      .filter(([, cost]) => (cost as number) > 5000);
    expect(over).toEqual([]);
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

  it("counts a variable's default: `$n: Int = 100` costs what first: 100 costs", async () => {
    const withDefault = (n: number) =>
      `query Paged($n: Int = ${n}) { products(first: $n) { id name related(limit: 3) { id } } }`;
    // 1 + 100 × (1 + 1 + (1 + 3)) = 601: measured as 61 when the default was ignored.
    expect(await refusal(withDefault(100))).toMatchObject({
      status: 400,
      code: 'QUERY_TOO_COMPLEX',
      message: expect.stringMatching(/estimated cost is 601 \(at most 500/),
    });
    const small = await shop.call<{ products: unknown[] }>(withDefault(5));
    expect(small.errors).toBeUndefined();
    expect(small.data?.products).toHaveLength(5);
    // No value and no default: counted at the largest page.
    expect(
      await refusal(`query ($n: Int) { products(first: $n) { id name related(limit: 3) { id } } }`),
    ).toMatchObject({ status: 400, code: 'QUERY_TOO_COMPLEX' });
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

describe("limits on the request's variables", () => {
  let shop: TestShop;
  // The variable is not even declared: nothing would ever read it.
  const query = `{ products(first: 1) { id } }`;
  const post = (body: string) =>
    fetch(shop.router.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
  const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

  beforeAll(async () => {
    shop = await startTestShop();
  });
  afterAll(async () => {
    await shop?.stop();
  });

  it('refuses a variable nested 10,000 deep with 400 and a code, no stack trace', async () => {
    const response = await post(
      `{"query":${JSON.stringify(query)},"variables":{"x":${nested(10_000)}}}`,
    );
    expect(response.status).toBe(400);
    const text = await response.text();
    const body = JSON.parse(text) as { errors: { message: string; extensions: object }[] };
    expect(body.errors[0]).toEqual({
      message: "The request's variables nest deeper than 32 levels.",
      extensions: { code: 'VARIABLES_TOO_DEEP', limit: 'depth', max: 32 },
    });
    expect(text).not.toMatch(/stack|RangeError|\n\s+at /i);
    // extensions too, and in a GET's query string.
    const extensions = await post(
      `{"query":${JSON.stringify(query)},"extensions":{"x":${nested(10_000)}}}`,
    );
    expect(extensions.status).toBe(400);
    const get = await fetch(
      `${shop.router.url}?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(`{"x":${nested(1_000)}}`)}`,
      { headers: { 'apollo-require-preflight': 'true' } },
    );
    expect(get.status).toBe(400);
    expect(
      ((await get.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions
        .code,
    ).toBe('VARIABLES_TOO_DEEP');
  });

  it('refuses NUL characters and unpaired surrogates in variables and in literals with 400 UNSAFE_TEXT', async () => {
    const codeOf = async (response: Response) => ({
      status: response.status,
      code: ((await response.json()) as { errors?: { extensions: { code: string } }[] }).errors?.[0]
        ?.extensions.code,
    });
    for (const text of ['\u0000', 'a\ud800b', '\udfff'])
      expect(
        await codeOf(await post(JSON.stringify({ query, variables: { x: [{ y: text }] } }))),
      ).toEqual({
        status: 400,
        code: 'UNSAFE_TEXT',
      });
    expect(
      await codeOf(await post(JSON.stringify({ query, variables: { ['k\u0000']: 1 } }))),
    ).toEqual({ status: 400, code: 'UNSAFE_TEXT' });
    const literal = `{ product(id: "\\u0000") { id } }`;
    // Twice: the second time the parsed document comes from Apollo's cache, and is checked again.
    for (let attempt = 0; attempt < 2; attempt++)
      expect(await codeOf(await post(JSON.stringify({ query: literal })))).toEqual({
        status: 400,
        code: 'UNSAFE_TEXT',
      });
    // Korean, emoji (a surrogate pair) and other scripts are text like any other.
    expect((await post(JSON.stringify({ query, variables: { x: '셔츠 👕 café' } }))).status).toBe(
      200,
    );
  });

  it('passes variables nested as deep as real inputs are', async () => {
    const response = await post(
      JSON.stringify({ query, variables: { x: JSON.parse(nested(30)) as unknown } }),
    );
    expect(response.status).toBe(200);
  });

  it('refuses variables over 256 KiB with 400, and a body of several MB with 413, each with a code', async () => {
    const large = await post(JSON.stringify({ query, variables: { x: 'x'.repeat(300_000) } }));
    expect(large.status).toBe(400);
    expect(await large.json()).toMatchObject({
      errors: [{ extensions: { code: 'VARIABLES_TOO_LARGE', limit: 'bytes', max: 262_144 } }],
    });
    const huge = await post(JSON.stringify({ query, variables: { x: 'x'.repeat(5_000_000) } }));
    expect(huge.status).toBe(413);
    const text = await huge.text();
    expect(JSON.parse(text)).toMatchObject({
      errors: [{ extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
    });
    expect(text).not.toMatch(/stack|\n\s+at /i);
  });
});
