import { diff } from '@graphql-inspector/core';
import type { GraphQLSchema } from 'graphql';

export interface SchemaChange {
  level: 'BREAKING' | 'DANGEROUS' | 'NON_BREAKING';
  message: string;
  /** graphql-inspector's path: `Query.product.id` for an argument. */
  path: string;
  /** The schema coordinate it changes: `Type`, `Type.field`, `Type.field(arg:)`, `Enum.VALUE`. */
  coordinate: string;
  /** The coordinate an operation must use to be hurt by it. */
  usedThrough: string;
}

/**
 * What an operation must use to be hurt by a change. Removing a member hurts only its users; any
 * other change to an argument (now required, retyped) hurts every call of the field, and any change
 * to an input field or enum value every use of its type, since variables carry those unseen.
 */
function affectedThrough(type: string, path: string, coordinate: string): string {
  const [typeName, fieldName] = path.split('.');
  if (type === 'FIELD_ARGUMENT_REMOVED') return coordinate;
  if (type.startsWith('FIELD_ARGUMENT_')) return `${typeName}.${fieldName}`;
  if (type.startsWith('INPUT_FIELD_') || type.startsWith('ENUM_VALUE_')) return typeName!;
  return coordinate;
}

/** Every difference from `base` to `next`, as graphql-inspector rates it. */
export async function schemaChanges(
  base: GraphQLSchema,
  next: GraphQLSchema,
): Promise<SchemaChange[]> {
  return (await diff(base, next)).map((change) => {
    const path = change.path ?? '';
    const coordinate = change.type.startsWith('FIELD_ARGUMENT_')
      ? path.replace(/^([^.]+\.[^.]+)\.([^.]+)$/, '$1($2:)')
      : path;
    return {
      level: change.criticality.level,
      message: change.message,
      path,
      coordinate,
      usedThrough: affectedThrough(change.type, path, coordinate),
    };
  });
}
