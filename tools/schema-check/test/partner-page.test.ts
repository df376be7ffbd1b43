import { describe, expect, it } from 'vitest';
import { partnerPage } from '../src/reference/partner-page.js';
import { baseSchema } from './support.js';

const scopes = { CATALOG_READ: ['Query.products', 'Query.product'] };

describe('the partner reference page', () => {
  it('documents the Query fields the scopes open, with arguments and descriptions', () => {
    const page = partnerPage(baseSchema(), scopes);
    expect(page).toContain(
      '### Query.products\n\nProducts on the shop, by search text.\n\n' +
        '```graphql\nproducts(search: String, first: Int = 20): [Product!]!\n```\n\n' +
        'Scopes: `CATALOG_READ`.',
    );
    expect(page).toContain('| `first` | `Int = 20` |  |');
    expect(page).toContain('### Query.product\n\nOne product, by id.');
  });

  it('documents the types reachable from them, and no other', () => {
    const page = partnerPage(baseSchema(), scopes);
    expect(page).toContain('### Product\n\n_object_ — Something for sale.');
    expect(page).toContain('| `name` | `String!` | The display name. |');
    expect(page).toContain('### ProductStatus\n\n_enum_');
    expect(page).not.toContain('Query.orders');
    expect(page).not.toContain('### Order');
  });

  it('says how to call a persisted operation', () => {
    const page = partnerPage(baseSchema(), scopes);
    expect(page).toContain('x-shop-partner-key: <key>');
    expect(page).toContain('"extensions":{"persistedQuery":{"version":1,"sha256Hash":"<id>"}}');
  });

  it('refuses a scope that opens a field the schema lacks', () => {
    expect(() => partnerPage(baseSchema(), { CATALOG_READ: ['Query.brands'] })).toThrow(
      'partner scope CATALOG_READ opens Query.brands, which the API schema lacks',
    );
  });
});
