import { GraphQLError } from 'graphql';

/** Checked before execution; every refusal is HTTP 400 with `extensions.code = QUERY_TOO_COMPLEX`. */
export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  /** See `measure-operation.ts` for the cost model. */
  maxCost: number;
  /** The page size the cost model counts when a paginated field's size is left to the subgraph. */
  maxPageSize: number;
  /** Lexical tokens, enforced by the parser (`parse(source, { maxTokens })`). */
  maxTokens: number;
}

export const queryTooComplex = 'QUERY_TOO_COMPLEX';

export interface LimitViolation {
  limit: 'depth' | 'aliases' | 'directives' | 'cost' | 'tokens';
  actual?: number;
  max: number;
}

export function tooComplexError(message: string, violations: LimitViolation[]): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: queryTooComplex, violations, http: { status: 400 } },
  });
}
