import { globSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  buildSchema,
  Kind,
  parse,
  visit,
  type DefinitionNode,
  type DocumentNode,
  type SelectionSetNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { routerSettingsSchema } from '../src/config.js';
import { measureOperation } from '../src/limits/measure-operation.js';

// A page that asks for more than the router allows shows only "request failed": an admin page
// once did, after a field was added under a list. Measured as the router would with the
// variables left open (the worst case), against the router's default limits.
const root = fileURLToPath(new URL('../../', import.meta.url));
const schema = buildSchema(readFileSync(`${root}router/api-schema.graphql`, 'utf8'));
const typename = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } } as const;

/** As Apollo Client sends it: `__typename` in every selection set below the root. */
function withTypenames(document: DocumentNode): DocumentNode {
  return visit(document, {
    SelectionSet: (set: SelectionSetNode, _key, parent) =>
      parent && 'kind' in parent && parent.kind === Kind.OPERATION_DEFINITION
        ? set
        : { ...set, selections: [...set.selections, typename] },
  });
}

const definitions: DefinitionNode[] = globSync('client/src/**/*.graphql', { cwd: root }).flatMap(
  (file) => withTypenames(parse(readFileSync(`${root}${file}`, 'utf8'))).definitions,
);
const document = { kind: Kind.DOCUMENT, definitions } as const;
const limits = routerSettingsSchema.parse({});

describe('the storefront’s and the admin’s own operations', () => {
  const operations = definitions.filter(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION,
  );

  it('are all found', () => {
    expect(operations.length).toBeGreaterThan(50);
  });

  it.each(operations.map((operation) => [operation.name!.value, operation] as const))(
    '%s fits the router’s default limits',
    (_name, operation) => {
      const measure = measureOperation({
        schema,
        document,
        operation,
        maxPageSize: limits.SHOP_QUERY_MAX_PAGE_SIZE,
      });
      expect(measure.cost).toBeLessThanOrEqual(limits.SHOP_QUERY_MAX_COST);
      expect(measure.depth).toBeLessThanOrEqual(limits.SHOP_QUERY_MAX_DEPTH);
      expect(measure.aliases).toBeLessThanOrEqual(limits.SHOP_QUERY_MAX_ALIASES);
    },
  );
});
