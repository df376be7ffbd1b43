import type { ApolloServerPlugin } from '@apollo/server';
import { getOperationAST } from 'graphql';
import type { RouterContext } from './router-context.js';

/** Records each request's operation name and error codes into its context's report. */
export function requestReportPlugin(): ApolloServerPlugin<RouterContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response, operationName, request, document }) {
          const report = contextValue.report;
          if (operationName !== undefined) {
            report.operationName = operationName;
          } else if (document) {
            // Parsed but not resolved (e.g. invalid): still name it from the document.
            const operation = getOperationAST(document, request.operationName ?? undefined);
            report.operationName = operation?.name?.value ?? null;
          }
          const errors =
            response.body.kind === 'single'
              ? response.body.singleResult.errors
              : response.body.initialResult.errors;
          report.errorCodes = (errors ?? []).map((error) =>
            String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'),
          );
        },
      };
    },
  };
}
