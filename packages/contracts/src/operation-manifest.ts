// Node only (hashing, graphql): imported as `@shop/contracts/operation-manifest`, outside the index that
// browser code may import.
import { createHash } from 'node:crypto';
import {
  GraphQLError,
  Kind,
  parse,
  type FragmentDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { z } from 'zod';

/** A persisted operation's id: the SHA-256 of its body, as Apollo's manifests and APQ use. */
export const operationIdOf = (body: string): string =>
  createHash('sha256').update(body).digest('hex');

/** An Apollo persisted query manifest (what `generate-persisted-query-manifest` writes). */
export const operationManifestSchema = z.object({
  format: z.literal('apollo-persisted-query-manifest'),
  version: z.literal(1),
  operations: z
    .array(
      z
        .object({
          id: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lower-case hex'),
          name: z.string().min(1).max(200),
          type: z.enum(['query', 'mutation', 'subscription']),
          body: z.string().min(1).max(20_000),
        })
        .refine((operation) => operation.id === operationIdOf(operation.body), {
          message: 'id is not the SHA-256 of body',
          path: ['id'],
        }),
    )
    .max(500),
});
export type OperationManifest = z.infer<typeof operationManifestSchema>;

const rootTypes = { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' } as const;

/**
 * The root fields (`Query.products`) a persisted operation selects, through fragments too, or why
 * it is not one operation. `__typename` selects no data and is left out.
 */
export function operationRootFields(body: string): { rootFields: string[] } | { error: string } {
  let document;
  try {
    document = parse(body);
  } catch (error) {
    return { error: error instanceof GraphQLError ? error.message : String(error) };
  }
  const operations = document.definitions.filter(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION,
  );
  if (operations.length !== 1) return { error: 'a persisted operation is exactly one operation' };
  const fragments = new Map(
    document.definitions
      .filter(
        (definition): definition is FragmentDefinitionNode =>
          definition.kind === Kind.FRAGMENT_DEFINITION,
      )
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const rootType = rootTypes[operations[0]!.operation];
  const fields = new Set<string>();
  const visited = new Set<string>();
  const collect = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value !== '__typename')
          fields.add(`${rootType}.${selection.name.value}`);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet);
      else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) collect(fragment.selectionSet);
      }
    }
  };
  collect(operations[0]!.selectionSet);
  return { rootFields: [...fields].sort() };
}
