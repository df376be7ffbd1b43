import { describe, expect, it } from 'vitest';
import { buildSchema, parse } from 'graphql';
import { coordinatesUsed } from '../src/operations/usage.js';
import { baseSchema, clientOperations } from './support.js';

describe('schema coordinates an operation uses', () => {
  it('records fields, arguments and types, through fragments', () => {
    const [products, product] = clientOperations();
    expect([...coordinatesUsed(baseSchema(), products!.document)].sort()).toEqual([
      'ID',
      'Product',
      'Product.id',
      'Product.name',
      'Query.products',
      'Query.products(search:)',
      'String',
    ]);
    expect(coordinatesUsed(baseSchema(), product!.document)).toContain('Query.product(id:)');
    expect(coordinatesUsed(baseSchema(), product!.document)).toContain('ProductStatus');
  });

  it('records every input type a variable may carry, and no field for a directive’s argument', () => {
    const schema = buildSchema(`
      type Query { orders(filter: OrderFilter): [Int!]! }
      input OrderFilter { status: OrderStatus, placed: DateRange }
      input DateRange { from: String }
      enum OrderStatus { PAID }
    `);
    const document = parse(
      'query Orders($filter: OrderFilter, $all: Boolean!) { orders(filter: $filter) @include(if: $all) }',
    );
    expect([...coordinatesUsed(schema, document)].sort()).toEqual([
      'Boolean',
      'DateRange',
      'Int',
      'OrderFilter',
      'OrderStatus',
      'Query.orders',
      'Query.orders(filter:)',
      'String',
    ]);
  });
});
