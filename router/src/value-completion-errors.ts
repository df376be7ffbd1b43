import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';

/** The code of an answer the router could not complete from what the subgraphs returned. */
export const incompleteAnswerCode = 'INCOMPLETE_ANSWER';

/**
 * The gateway reports a subgraph answer it could not complete (a null for a non-null field, which
 * nulls its parents up to the nearest nullable one, often `data` itself) only in
 * `extensions.valueCompletion`: a client then sees data missing and no error, and waits. They
 * become errors, with their paths, as GraphQL's own execution would report them.
 */
export function valueCompletionErrorsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const { valueCompletion, ...extensions } = result.extensions ?? {};
          if (!Array.isArray(valueCompletion) || valueCompletion.length === 0) return;
          const completionErrors = (valueCompletion as GraphQLFormattedError[]).map((error) => ({
            message: error.message,
            ...(error.path ? { path: error.path } : {}),
            extensions: { code: incompleteAnswerCode },
          }));
          result.errors = [...(result.errors ?? []), ...completionErrors];
          result.extensions = Object.keys(extensions).length > 0 ? extensions : undefined;
        },
      };
    },
  };
}
