import {
  Kind,
  getNamedType,
  getNullableType,
  getVariableValues,
  isInterfaceType,
  isListType,
  isObjectType,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  valueFromASTUntyped,
} from 'graphql';
import { pageSizeOf } from './page-size.js';

export interface OperationMeasure {
  /** Nesting of fields: `{ me { id } }` is 2. */
  depth: number;
  /** Aliased fields, counting each use of a fragment. */
  aliases: number;
  /** Directives anywhere in the operation, counting each use of a fragment. */
  directives: number;
  /** The estimated cost (model below). */
  cost: number;
}

/** A list field that takes no page size is assumed to return this many items. */
export const defaultListSize = 10;

/** The largest page a subgraph serves (`first` is capped at 100): an unstated page size counts so. */
export const defaultMaxPageSize = 100;

/**
 * The cost model, an upper-bound estimate made before anything runs:
 *
 * - every field costs 1;
 * - a field returning a list multiplies the cost of its selection by its page size: its `first`,
 *   `last` or `limit` argument (also inside an input object such as `search: { first: 5 }`) as
 *   the subgraph will see it — a literal, a variable's value or else the variable's default, else
 *   the argument's default in the schema; when the field takes a page size but none of these
 *   states it, `maxPageSize` (the subgraph picks; the largest page is the upper bound). A list
 *   that takes no page size has the page size of the non-list field just above it (a connection:
 *   `users(first: 5) { nodes { … } }`), else 10;
 *   so `cost(field) = 1 + pageSize × cost(selection)`, with pageSize 1 for non-list fields;
 * - every branch of a union or interface counts (`... on A`, `... on B` are added up);
 * - introspection (`__schema`, `__type`) adds no depth or cost: the router answers it from its own
 *   schema, production turns it off, and the token and alias limits still bound it (the same
 *   choice graphql-armor makes by default). `__typename` costs 1.
 *
 * Aliases and directives are counted as written, once per use of a fragment (not multiplied by
 * page sizes). Fragments are measured once per page-size context and reused, so a document of
 * nested fragment spreads cannot make this walk exponential.
 */
export function measureOperation(input: {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables?: Record<string, unknown>;
  /** Counted for a page size the request leaves to the subgraph; default 100. */
  maxPageSize?: number;
}): OperationMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of input.document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition);
  }
  // Coerced once, and only for an operation with a page size to read: most (an order's input,
  // say) have none, and coercing their variables is most of what measuring them would cost.
  let variables: Record<string, unknown> | undefined;
  const walker = new Walker(
    input.schema,
    fragments,
    () => (variables ??= variableValues(input.schema, input.operation, input.variables ?? {})),
    input.maxPageSize ?? defaultMaxPageSize,
  );
  const rootType = input.schema.getRootType(input.operation.operation) ?? undefined;
  const measure = walker.selectionSet(input.operation.selectionSet, rootType, undefined);
  measure.directives += input.operation.directives?.length ?? 0;
  return measure;
}

/**
 * The variables as execution will see them: coerced, defaults applied. Values that do not coerce
 * are refused by execution anyway; until then they count as given, with the defaults of the rest.
 */
function variableValues(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  given: Record<string, unknown>,
): Record<string, unknown> {
  const definitions = operation.variableDefinitions ?? [];
  const coerced = getVariableValues(schema, definitions, given, { maxErrors: 1 });
  if (coerced.coerced) return coerced.coerced;
  const values = { ...given };
  for (const definition of definitions) {
    const name = definition.variable.name.value;
    if (values[name] === undefined && definition.defaultValue)
      values[name] = valueFromASTUntyped(definition.defaultValue);
  }
  return values;
}

const zero = (): OperationMeasure => ({ depth: 0, aliases: 0, directives: 0, cost: 0 });

function addSideBySide(total: OperationMeasure, part: OperationMeasure): void {
  total.depth = Math.max(total.depth, part.depth);
  total.aliases += part.aliases;
  total.directives += part.directives;
  total.cost += part.cost;
}

function fieldOf(
  type: GraphQLNamedType | undefined,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  return type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields()[name] : undefined;
}

class Walker {
  private readonly memo = new Map<string, OperationMeasure>();
  private readonly visiting = new Set<string>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: Map<string, FragmentDefinitionNode>,
    private readonly variables: () => Record<string, unknown>,
    private readonly maxPageSize: number,
  ) {}

  selectionSet(
    set: SelectionSetNode,
    parentType: GraphQLNamedType | undefined,
    inheritedPageSize: number | undefined,
  ): OperationMeasure {
    const total = zero();
    for (const selection of set.selections) {
      total.directives += selection.directives?.length ?? 0;
      switch (selection.kind) {
        case Kind.FIELD: {
          if (selection.alias) total.aliases++;
          const name = selection.name.value;
          if (name === '__schema' || name === '__type') {
            const inner = selection.selectionSet
              ? this.selectionSet(selection.selectionSet, undefined, undefined)
              : zero();
            total.aliases += inner.aliases;
            total.directives += inner.directives;
            break;
          }
          const field = fieldOf(parentType, name);
          const asked = pageSizeOf(field, selection, this.variables);
          const ownPageSize = asked === 'unknown' ? this.maxPageSize : asked;
          const isList = field !== undefined && isListType(getNullableType(field.type));
          const pageSize = isList ? (ownPageSize ?? inheritedPageSize ?? defaultListSize) : 1;
          const inner = selection.selectionSet
            ? this.selectionSet(
                selection.selectionSet,
                field && getNamedType(field.type),
                isList ? undefined : ownPageSize,
              )
            : zero();
          total.depth = Math.max(total.depth, 1 + inner.depth);
          total.aliases += inner.aliases;
          total.directives += inner.directives;
          total.cost += 1 + pageSize * inner.cost;
          break;
        }
        case Kind.INLINE_FRAGMENT: {
          const type = selection.typeCondition
            ? this.schema.getType(selection.typeCondition.name.value)
            : parentType;
          addSideBySide(
            total,
            this.selectionSet(selection.selectionSet, type ?? undefined, inheritedPageSize),
          );
          break;
        }
        case Kind.FRAGMENT_SPREAD: {
          const measure = this.fragment(selection.name.value, inheritedPageSize);
          if (measure) addSideBySide(total, measure);
          break;
        }
      }
    }
    return total;
  }

  private fragment(
    name: string,
    inheritedPageSize: number | undefined,
  ): OperationMeasure | undefined {
    const key = `${name}\u0000${inheritedPageSize ?? ''}`;
    const known = this.memo.get(key);
    if (known) return known;
    const fragment = this.fragments.get(name);
    // Validation refuses unknown and cyclic fragments; this only keeps the walk finite regardless.
    if (!fragment || this.visiting.has(name)) return undefined;
    this.visiting.add(name);
    const type = this.schema.getType(fragment.typeCondition.name.value) ?? undefined;
    const measure = this.selectionSet(fragment.selectionSet, type, inheritedPageSize);
    measure.directives += fragment.directives?.length ?? 0;
    this.visiting.delete(name);
    this.memo.set(key, measure);
    return measure;
  }
}
