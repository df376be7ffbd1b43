import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { QueryPlanner } from '@apollo/query-planner';
import { parse } from 'graphql';
import { metricSum } from '@shop/testkit';
import { oneFetchOf } from '../src/pass-through.js';
import {
  brokenProductId,
  failingLoginEmail,
  startTestShop,
  type TestShop,
} from './support/test-shop.js';

// The committed supergraph, planned as the router plans it.
const supergraph = Supergraph.build(
  readFileSync(new URL('../supergraph.graphql', import.meta.url), 'utf8'),
);
const planner = new QueryPlanner(supergraph);
const passedThroughTo = (query: string) => {
  const document = parse(query);
  const plan = planner.buildQueryPlan(operationFromDocument(supergraph.schema, document));
  return oneFetchOf(supergraph.apiSchema(), plan, document, undefined)?.serviceName;
};

describe('which plans pass through', () => {
  it('passes a one-subgraph query through, fragments, aliases and directives included', () => {
    expect(
      passedThroughTo(`query Listing($search: ProductSearchInput, $withFacets: Boolean!) {
        products(search: $search, first: 24) {
          totalCount hasNextPage
          nodes { ...Card }
          top: nodes { id }
          facets @include(if: $withFacets) { price { min max } }
        }
      }
      fragment Card on Product { id name minPrice brand { name } }`),
    ).toBe('catalog');
    expect(
      passedThroughTo(`query($id: ID!) { product(id: $id) { id name skus { id price } } }`),
    ).toBe('product');
  });

  it('does not pass through a plan of more than one fetch, or one the gateway completes', () => {
    // Two subgraphs: the gateway joins them.
    expect(passedThroughTo(`{ products(first: 5) { nodes { id skus { id price } } } }`)).toBe(
      undefined,
    );
    // The root __typename is answered by the gateway, not asked of the subgraph.
    expect(passedThroughTo(`{ __typename products(first: 5) { nodes { id } } }`)).toBe(undefined);
  });
});

describe('an operation passed through', () => {
  let shop: TestShop;
  beforeAll(async () => {
    shop = await startTestShop();
  });
  afterAll(async () => {
    await shop?.stop();
  });

  const passedThrough = async () =>
    metricSum(
      await (await fetch(shop.router.metricsUrl)).text(),
      'router_operations_passed_through_total',
    );

  /**
   * The router's answer to `query`, and the gateway's own answer to it: the same operation with a
   * root `__typename` (which only the gateway answers, so that plan never passes through), the
   * `__typename` taken out again.
   */
  const bothWays = async (query: string, variables: Record<string, unknown> = {}) => {
    const answer = async (text: string) => {
      const { status, data, errors } = await shop.call(text, { variables });
      return { status, data, errors };
    };
    const passed = await answer(query);
    const shaped = await answer(query.replace('{', '{ __typename '));
    if (shaped.data) delete (shaped.data as Record<string, unknown>).__typename;
    return { passed, shaped };
  };

  it('answers what the gateway would have, without shaping it again', async () => {
    const fields = 'id label: name price @include(if: $withPrice)';
    const queries = {
      passed: `query Products($first: Int, $withPrice: Boolean!) {
        products(first: $first) { ...Related ${fields} }
      }`,
      // The planner puts the fragment's fields first: the subgraph would answer in another order.
      reordered: `query Reordered($first: Int, $withPrice: Boolean!) {
        products(first: $first) { ${fields} ...Related }
      }`,
    };
    const related = 'fragment Related on Product { related(limit: 2) { id name } }';
    for (const [kind, query] of Object.entries(queries))
      for (const withPrice of [true, false]) {
        const variables = { first: 2, withPrice };
        await shop.call(`${query} ${related}`, { variables }); // the gateway plans it
        const before = await passedThrough();
        const { passed, shaped } = await bothWays(`${query} ${related}`, variables);
        expect(JSON.stringify(passed)).toBe(JSON.stringify(shaped));
        expect(passed.data?.products).toHaveLength(2);
        expect(await passedThrough()).toBe(before + (kind === 'passed' ? 1 : 0));
      }
  });

  it("hands an answer with errors to the gateway's execution, without asking again", async () => {
    const query = `query Broken($id: ID!) { product(id: $id) { id name } }`;
    await shop.call(query, { variables: { id: 'p1' } });
    const before = { seen: shop.catalog.seen.length, passed: await passedThrough() };
    const { passed, shaped } = await bothWays(query, { id: brokenProductId });
    expect(passed).toEqual(shaped);
    expect(passed.errors?.[0]?.extensions?.code).toBe('PRODUCT_BROKEN');
    expect(shop.catalog.seen.length - before.seen).toBe(2); // one per request
    expect(await passedThrough()).toBe(before.passed);
  });

  it('sends a mutation once, whether it passes through or fails', async () => {
    const login = `mutation Login($email: String!) { login(email: $email, password: "x") }`;
    await shop.call(login, { variables: { email: 'a@example.com' } });
    const attempts = shop.loginAttempts();
    expect((await shop.call(login, { variables: { email: 'a@example.com' } })).data).toEqual({
      login: false,
    });
    const failed = await shop.call(login, { variables: { email: failingLoginEmail } });
    expect(failed.errors?.[0]?.extensions?.code).toBe('ACCOUNTS_DOWN');
    expect(failed.errors?.[0]?.path).toEqual(['login']);
    expect(shop.loginAttempts() - attempts).toBe(2);
  });

  it('answers a subgraph that is down as the gateway does', async () => {
    const query = `query Down { products(first: 1) { id } }`;
    await shop.call(query);
    await shop.catalog.goDown();
    try {
      const { passed, shaped } = await bothWays(query);
      expect(passed.errors?.[0]?.extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
      expect(passed).toEqual(shaped);
    } finally {
      await shop.catalog.comeBack();
    }
  });
});
