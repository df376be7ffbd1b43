import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { measureOperation } from './measure-operation.js';
import { tooComplexError, type LimitViolation, type QueryLimits } from './query-limits.js';
import { checkDocumentText } from './unsafe-text.js';

const reasonFor: Record<LimitViolation['limit'], (actual: number, max: number) => string> = {
  depth: (actual, max) => `it is ${actual} levels deep (at most ${max})`,
  aliases: (actual, max) => `it uses ${actual} aliases (at most ${max})`,
  directives: (actual, max) => `it uses ${actual} directives (at most ${max})`,
  cost: (actual, max) =>
    `its estimated cost is ${actual} (at most ${max}; ask for smaller pages with first/limit)`,
  tokens: (_actual, max) => `it has more than ${max} tokens`,
};

/**
 * The document's text (see unsafe-text.ts), then depth, alias, directive and cost limits, checked once the operation is resolved — after
 * validation, before any query planning or subgraph fetch — on the supergraph's API schema, with
 * the request's variables and their defaults (so `first: $n` counts at its real value).
 */
export function queryLimitsPlugin<Context extends BaseContext>(
  limits: QueryLimits,
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          checkDocumentText(document);
          const measure = measureOperation({
            schema,
            document,
            operation,
            variables: request.variables ?? {},
            maxPageSize: limits.maxPageSize,
          });
          const checks: [LimitViolation['limit'], number, number][] = [
            ['depth', measure.depth, limits.maxDepth],
            ['aliases', measure.aliases, limits.maxAliases],
            ['directives', measure.directives, limits.maxDirectives],
            ['cost', measure.cost, limits.maxCost],
          ];
          const violations: LimitViolation[] = checks
            .filter(([, actual, max]) => actual > max)
            .map(([limit, actual, max]) => ({ limit, actual, max }));
          if (violations.length === 0) return;
          const reasons = violations.map(({ limit, actual, max }) =>
            reasonFor[limit](actual ?? 0, max),
          );
          throw tooComplexError(`The query is too complex: ${reasons.join('; ')}.`, violations);
        },
      };
    },
  };
}

const tokenLimitMessage = /Document contains more (?:than|that) (\d+) tokens/;

/**
 * The parser enforces the token limit (`parseOptions.maxTokens`) but reports a plain syntax error;
 * this turns it into the same QUERY_TOO_COMPLEX refusal as the other limits.
 */
export function tokenLimitViolation(message: string): { message: string; max: number } | undefined {
  const match = tokenLimitMessage.exec(message);
  if (!match) return undefined;
  const max = Number(match[1]);
  return { message: `The query is too complex: ${reasonFor.tokens(0, max)}.`, max };
}
