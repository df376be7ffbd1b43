import {
  getArgumentValues,
  getNamedType,
  isInputObjectType,
  type FieldNode,
  type GraphQLField,
} from 'graphql';

const pageArguments = ['first', 'last', 'limit'] as const;

/** What a field asks for: a page size, a page size nobody stated, or no page at all. */
export type PageSize = number | 'unknown' | undefined;

function asPageSize(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, value) : undefined;
}

/** The page size among `first`/`last`/`limit` of `values`, when `names` (the defined ones) has any. */
function fromPageFields(values: Record<string, unknown>, names: readonly string[]): PageSize {
  let defined = false;
  for (const name of pageArguments) {
    if (!names.includes(name)) continue;
    defined = true;
    const size = asPageSize(values[name]);
    if (size !== undefined) return size;
  }
  return defined ? 'unknown' : undefined;
}

/**
 * The page size a field asks for, from its arguments as the subgraph will see them: literals,
 * variables (with their defaults, already applied by the caller) and the schema's argument
 * defaults (`first: Int! = 20`, also inside an input object such as `search: { first: 5 }`).
 *
 * `'unknown'` when the field takes a page size (`first`, `last` or `limit`, directly or in an
 * input-object argument) but neither the request nor the schema says how many: the subgraph then
 * picks, so the caller counts the largest page. `undefined` when the field takes no page size.
 */
export function pageSizeOf(
  field: GraphQLField<unknown, unknown> | undefined,
  node: FieldNode,
  /** The request's variables, coerced only when a page-size argument is there to read them. */
  variables: () => Record<string, unknown>,
): PageSize {
  // Only the arguments that carry a page size: another argument that does not coerce (execution
  // refuses it) says nothing about the page.
  const args = (field?.args ?? []).filter((arg) => {
    if ((pageArguments as readonly string[]).includes(arg.name)) return true;
    const type = getNamedType(arg.type);
    return isInputObjectType(type) && pageArguments.some((name) => name in type.getFields());
  });
  if (!field || args.length === 0) return undefined;
  let values: Record<string, unknown>;
  try {
    values = getArgumentValues({ ...field, args }, node, variables());
  } catch {
    // A page size that does not coerce: execution refuses it; until then, nobody knows it.
    return 'unknown';
  }
  const direct = fromPageFields(
    values,
    args.map((arg) => arg.name),
  );
  if (typeof direct === 'number') return direct;
  for (const arg of args) {
    const type = getNamedType(arg.type);
    if (!isInputObjectType(type)) continue;
    const value = values[arg.name];
    const inner = fromPageFields(
      typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {},
      Object.keys(type.getFields()),
    );
    if (typeof inner === 'number') return inner;
  }
  // Left out (or null) with no default, directly or in its input object: the subgraph decides.
  return 'unknown';
}
