import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  /** Cost model: every field costs 1, times the page size (`first`/`limit`; 10 if a variable) of each paged field above it. */
  maxCost: number;
}

const defaultListSize = 10;

function tooComplex(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX' } });
}

interface Measure {
  depth: number;
  aliases: number;
  directives: number;
  cost: number;
}

/** Walks an operation with fragments inlined (each fragment at most once per path: no cycles). */
function measure(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  multiplier: number,
  visiting: Set<string>,
): Measure {
  const total: Measure = { depth: 0, aliases: 0, directives: 0, cost: 0 };
  for (const selection of selectionSet.selections) {
    total.directives += selection.directives?.length ?? 0;
    let inner: Measure | undefined;
    if (selection.kind === Kind.FIELD) {
      if (selection.alias) total.aliases++;
      total.cost += multiplier;
      if (selection.selectionSet) {
        const pageArgument = selection.arguments?.find((argument) =>
          ['first', 'limit'].includes(argument.name.value),
        );
        // Validation sees the document, not the variables: a page size given by a variable counts as the default.
        let pageSize = 1;
        if (pageArgument) {
          pageSize =
            pageArgument.value.kind === Kind.INT
              ? Number(pageArgument.value.value)
              : defaultListSize;
        }
        inner = measure(
          selection.selectionSet,
          fragments,
          multiplier * Math.max(1, pageSize),
          visiting,
        );
        inner.depth += 1;
      } else {
        total.depth = Math.max(total.depth, 1);
      }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      inner = measure(selection.selectionSet, fragments, multiplier, visiting);
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (fragment && !visiting.has(name)) {
        visiting.add(name);
        inner = measure(fragment.selectionSet, fragments, multiplier, visiting);
        visiting.delete(name);
      }
    }
    if (inner) {
      total.depth = Math.max(total.depth, inner.depth);
      total.aliases += inner.aliases;
      total.directives += inner.directives;
      total.cost += inner.cost;
    }
  }
  return total;
}

/**
 * One validation rule for depth, aliases, directives and cost, checked on the API schema before
 * any subgraph is called. Token count is limited at parse time (`parseOptions.maxTokens`).
 */
export function queryLimitsRule(limits: QueryLimits): ValidationRule {
  return (context): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION)
        fragments.set(definition.name.value, definition);
    }
    return {
      OperationDefinition(operation) {
        const found = measure(operation.selectionSet, fragments, 1, new Set());
        found.directives += operation.directives?.length ?? 0;
        if (found.depth > limits.maxDepth) {
          context.reportError(
            tooComplex(
              `The query is ${found.depth} levels deep; at most ${limits.maxDepth} are allowed.`,
            ),
          );
        }
        if (found.aliases > limits.maxAliases) {
          context.reportError(
            tooComplex(
              `The query uses ${found.aliases} aliases; at most ${limits.maxAliases} are allowed.`,
            ),
          );
        }
        if (found.directives > limits.maxDirectives) {
          context.reportError(
            tooComplex(
              `The query uses ${found.directives} directives; at most ${limits.maxDirectives} are allowed.`,
            ),
          );
        }
        if (found.cost > limits.maxCost) {
          context.reportError(
            tooComplex(`The query costs ${found.cost}; at most ${limits.maxCost} is allowed.`),
          );
        }
      },
    };
  };
}
