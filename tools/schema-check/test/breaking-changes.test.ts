import { describe, expect, it } from 'vitest';
import type { GraphQLSchema } from 'graphql';
import type { AcceptedChange } from '../src/breaking/accepted.js';
import { checkBreakingChanges } from '../src/breaking/check.js';
import { baseSchema, clientOperations, editedSchema } from './support.js';

const check = (next: GraphQLSchema, accepted: AcceptedChange[] = []) =>
  checkBreakingChanges({
    ref: 'main',
    base: baseSchema(),
    next,
    operations: clientOperations(),
    accepted,
  });

const withoutName = () => editedSchema('  """\n  The display name.\n  """\n  name: String!\n', '');

describe('breaking changes', () => {
  it('fails on a removed field, naming it and the operations selecting it (through fragments)', async () => {
    const result = await check(withoutName());
    expect(result.ok).toBe(false);
    expect(result.summary).toBe('vs main: 1 breaking (0 accepted), 0 dangerous, 0 safe');
    expect(result.details[0]).toBe(
      "Product.name: Field 'name' was removed from object type 'Product'; " +
        'used by PartnerProducts (client/operations.graphql)',
    );
    expect(result.details[1]).toContain('accept the change in router/schema-changes-accepted.json');
  });

  it('fails when an argument becomes required, naming the argument and its callers', async () => {
    const result = await check(editedSchema('product(id: ID)', 'product(id: ID!)'));
    expect(result.ok).toBe(false);
    expect(result.details[0]).toMatch(/^Query\.product\(id:\): Type for argument 'id'/);
    expect(result.details[0]).toMatch(/used by PartnerProduct \(client\/operations\.graphql\)$/);
  });

  it('fails when a required argument is added, naming it and every caller of the field', async () => {
    const result = await check(
      editedSchema('products(search: String,', 'products(locale: String!, search: String,'),
    );
    expect(result.ok).toBe(false);
    expect(result.details[0]).toMatch(/^Query\.products\(locale:\): Argument 'locale: String!'/);
    expect(result.details[0]).toMatch(/used by PartnerProducts \(client\/operations\.graphql\)$/);
  });

  it('says so when no known operation uses what broke', async () => {
    const result = await check(editedSchema('  total: Int!\n', ''));
    expect(result.ok).toBe(false);
    expect(result.details[0]).toMatch(/^Order\.total: .*; no known operation uses it$/);
  });

  it('passes additive changes: a new field and a new nullable argument', async () => {
    const next = editedSchema(
      'product(id: ID): Product',
      'product(id: ID, preview: Boolean): Product\n  """\n  Every brand.\n  """\n  brands: [String!]!',
    );
    const result = await check(next);
    expect(result.ok).toBe(true);
    // graphql-inspector rates a new optional argument dangerous: a resolver may treat it oddly.
    expect(result.summary).toBe('vs main: 0 breaking (0 accepted), 1 dangerous, 2 safe');
    expect(result.details).toEqual([
      "dangerous: Query.product(preview:): Argument 'preview: Boolean' added to field " +
        "'Query.product'; used by PartnerProduct (client/operations.graphql)",
    ]);
  });

  it('passes a breaking change accepted with a reason, by coordinate or by path', async () => {
    const reason = 'No client shipped with name yet.';
    const byCoordinate = await check(withoutName(), [{ change: 'Product.name', reason }]);
    expect(byCoordinate.ok).toBe(true);
    expect(byCoordinate.summary).toBe('vs main: 1 breaking (1 accepted), 0 dangerous, 0 safe');
    const required = editedSchema('product(id: ID)', 'product(id: ID!)');
    expect((await check(required, [{ change: 'Query.product.id', reason }])).ok).toBe(true);
    expect((await check(required, [{ change: 'Query.product(id:)', reason }])).ok).toBe(true);
    expect((await check(required, [{ change: 'Query.products(search:)', reason }])).ok).toBe(false);
  });

  it('notes dangerous changes without failing', async () => {
    const result = await check(editedSchema('  HIDDEN\n', '  HIDDEN\n  ARCHIVED\n'));
    expect(result.ok).toBe(true);
    expect(result.details).toEqual([
      "dangerous: ProductStatus.ARCHIVED: Enum value 'ARCHIVED' was added to enum 'ProductStatus'; " +
        'used by PartnerProduct (client/operations.graphql)',
    ]);
  });
});
