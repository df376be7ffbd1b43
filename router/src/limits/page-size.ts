import { Kind, type ArgumentNode, type ValueNode } from 'graphql';

const pageArguments = new Set(['first', 'last', 'limit']);

function asPageSize(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, value) : undefined;
}

function fromValue(value: ValueNode, variables: Record<string, unknown>): number | undefined {
  if (value.kind === Kind.INT) return asPageSize(Number(value.value));
  if (value.kind === Kind.VARIABLE) return asPageSize(variables[value.name.value]);
  return undefined;
}

/** `first`/`last`/`limit` inside an input object (`search: { first: 5 }`), literal or variable. */
function fromInputObject(value: ValueNode, variables: Record<string, unknown>): number | undefined {
  if (value.kind === Kind.OBJECT) {
    for (const field of value.fields) {
      if (pageArguments.has(field.name.value)) return fromValue(field.value, variables);
    }
  }
  if (value.kind === Kind.VARIABLE) {
    const given = variables[value.name.value];
    if (typeof given === 'object' && given !== null) {
      for (const name of pageArguments) {
        const size = asPageSize((given as Record<string, unknown>)[name]);
        if (size !== undefined) return size;
      }
    }
  }
  return undefined;
}

/**
 * The page size a field asks for: its `first`, `last` or `limit` argument, or the same inside one
 * of its input-object arguments; a literal or a variable's value. `undefined` when it asks none.
 */
export function pageSizeOf(
  args: readonly ArgumentNode[] | undefined,
  variables: Record<string, unknown>,
): number | undefined {
  if (!args) return undefined;
  for (const argument of args) {
    if (pageArguments.has(argument.name.value)) {
      const size = fromValue(argument.value, variables);
      if (size !== undefined) return size;
    }
  }
  for (const argument of args) {
    const size = fromInputObject(argument.value, variables);
    if (size !== undefined) return size;
  }
  return undefined;
}
