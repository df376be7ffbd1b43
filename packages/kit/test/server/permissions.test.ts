import { buildSchema, graphql, graphqlSync, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { allow, applyPermissions, isStaff } from '../../src/server/permissions.js';
import type { Identity } from '../../src/identity/identity.js';

const customer: Identity = { kind: 'user', userId: 'someone', roles: ['CUSTOMER'] };

function guardedShop(): GraphQLSchema {
  const schema =
    buildSchema(`type Query { product: Product, products: [Product], secret: Int, broken: Int, _service: _Service }
    type _Service { sdl: String }
    type Product { name: String, price: Int, cost: Int, margin: Int }`);
  return applyPermissions(schema, {
    Query: { product: allow, products: allow, broken: allow },
    Product: { name: allow, price: allow, margin: isStaff },
  });
}

const rootValue = {
  product: { name: '티셔츠', price: 12_900, cost: 4_000, margin: 8_900 },
  products: Array.from({ length: 24 }, (_, i) => ({ name: `상품 ${i}`, price: 1_000 * i })),
  secret: 42,
  broken: () => {
    throw new Error('the resolver failed');
  },
};

describe('permissions', () => {
  it('runs the fields its rules allow straight through, without a promise per field', () => {
    const result = graphqlSync({
      schema: guardedShop(),
      source: '{ product { name price } products { name price } }',
      rootValue,
      contextValue: { identity: customer },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.product).toEqual({ name: '티셔츠', price: 12_900 });
    expect(result.data?.products).toHaveLength(24);
  });

  it('still denies a field without a rule, and one whose rule says no', async () => {
    const schema = guardedShop();
    for (const source of ['{ secret }', '{ product { cost } }', '{ product { margin } }']) {
      const result = await graphql({
        schema,
        source,
        rootValue,
        contextValue: { identity: customer },
      });
      expect(result.errors?.[0]?.extensions.code, source).toBe('FORBIDDEN');
    }
    const anonymous = await graphql({
      schema,
      source: '{ product { cost } }',
      rootValue,
      contextValue: { identity: { kind: 'anonymous' } },
    });
    expect(anonymous.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('passes an allowed resolver’s own error through unchanged', async () => {
    const result = await graphql({
      schema: guardedShop(),
      source: '{ broken }',
      rootValue,
      contextValue: { identity: customer },
    });
    expect(result.errors?.[0]?.message).toBe('the resolver failed');
  });
});
