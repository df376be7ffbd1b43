import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { RouterContext } from '../router-context.js';
import type { CatalogOnlyOperations } from './catalog-only.js';

export interface ResponseCacheOptions {
  catalogOnly: CatalogOnlyOperations;
  /** The catalog's current listing generation (changes with every applied product change). */
  generation(): Promise<string>;
  ttlSeconds: number;
  maxEntries: number;
}

/**
 * Whole responses to anonymous catalog-only queries (listings, search, suggestions), kept in this
 * router's memory under the listing generation current when the request began: after a product
 * change is applied the generation moves on and no later request can get the older answer. Query
 * limits and validation still run first; errors are never cached. `x-shop-cache: hit | miss`.
 */
export function responseCachePlugin(
  options: ResponseCacheOptions,
): ApolloServerPlugin<RouterContext> {
  const responses = new LRUCache<string, FormattedExecutionResult>({
    max: options.maxEntries,
    ttl: options.ttlSeconds * 1000,
  });
  return {
    async requestDidStart({ contextValue }) {
      if (contextValue.identity.kind !== 'anonymous') return;
      let key: string | undefined;
      let hit = false;
      return {
        async responseForOperation({ document, operation, request, response }) {
          if (!options.catalogOnly.test(document, operation.operation)) return null;
          const digest = createHash('sha256')
            .update(
              JSON.stringify([
                request.query,
                request.operationName ?? null,
                request.variables ?? {},
              ]),
            )
            .digest('base64url');
          key = `${await options.generation()}:${digest}`;
          const cached = responses.get(key);
          response.http.headers.set('x-shop-cache', cached ? 'hit' : 'miss');
          if (!cached) return null;
          hit = true;
          return { http: response.http, body: { kind: 'single', singleResult: cached } };
        },
        async willSendResponse({ response }) {
          if (!key || hit || response.body.kind !== 'single') return;
          if (!response.body.singleResult.errors) responses.set(key, response.body.singleResult);
        },
      };
    },
  };
}
