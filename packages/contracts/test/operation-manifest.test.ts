import { describe, expect, it } from 'vitest';
import {
  operationIdOf,
  operationManifestSchema,
  operationRootFields,
} from '../src/operation-manifest.js';

describe('persisted operations', () => {
  it('lists the root fields an operation selects, through fragments, without __typename', () => {
    const body = `query Catalog {
      __typename
      brands { id }
      ... on Query { categories { id } }
      ...More
    }
    fragment More on Query { product(id: "1") { id } ...Again }
    fragment Again on Query { products { totalCount } }`;
    expect(operationRootFields(body)).toEqual({
      rootFields: ['Query.brands', 'Query.categories', 'Query.product', 'Query.products'],
    });
    expect(operationRootFields('mutation Go { login(input: {}) { __typename } }')).toEqual({
      rootFields: ['Mutation.login'],
    });
  });

  it('refuses a body that is not exactly one operation', () => {
    expect(operationRootFields('query A { brands { id } } query B { brands { id } }')).toEqual({
      error: 'a persisted operation is exactly one operation',
    });
    expect(operationRootFields('query {')).toHaveProperty('error');
  });

  it('accepts a manifest only when every id is the SHA-256 of its body', () => {
    const body = 'query Brands { brands { id } }';
    const manifest = (id: string) => ({
      format: 'apollo-persisted-query-manifest',
      version: 1,
      operations: [{ id, name: 'Brands', type: 'query', body }],
    });
    expect(operationManifestSchema.safeParse(manifest(operationIdOf(body))).success).toBe(true);
    const lying = operationManifestSchema.safeParse(manifest(operationIdOf(`${body} `)));
    expect(lying.error?.issues[0]?.message).toBe('id is not the SHA-256 of body');
  });
});
