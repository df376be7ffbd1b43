import type { GraphQLFormattedError } from 'graphql';
import { tokenLimitViolation } from './limits/query-limits-plugin.js';
import { queryTooComplex } from './limits/query-limits.js';

const suggestion = / ?Did you mean [^?]*\?/g;

/**
 * The last look at every error before it leaves: the parser's token-limit error becomes a
 * QUERY_TOO_COMPLEX refusal like the other limits; in production, "Did you mean …" suggestions
 * (which map the schema for anyone typing guesses) are cut from every message; a subgraph's raw
 * HTTP response never reaches the client.
 */
export function errorFormatter(production: boolean) {
  return (formatted: GraphQLFormattedError): GraphQLFormattedError => {
    const tokens = tokenLimitViolation(formatted.message);
    if (tokens) {
      return {
        message: tokens.message,
        extensions: { code: queryTooComplex, violations: [{ limit: 'tokens', max: tokens.max }] },
      };
    }
    let result = formatted;
    if (formatted.extensions && 'response' in formatted.extensions) {
      const { response: _response, ...extensions } = formatted.extensions;
      result = { ...result, extensions };
    }
    if (production) {
      const message = result.message.replace(suggestion, '');
      if (message !== result.message) result = { ...result, message };
    }
    return result;
  };
}
