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
  /**
   * How long one fetch of a query's answer under a new generation lets other requests for it be
   * answered with the previous answer meanwhile (0: never; each waits on a fetch). A fetch older
   * than this is taken for lost (its request never reached `willSendResponse`).
   */
  staleWhileRefreshingMs: number;
}

/** A query's latest answer, and the listing generation it was fetched under. */
interface Answer {
  generation: string;
  result: FormattedExecutionResult;
}

/** A fetch of a query's answer for a new generation, in flight since `since`. */
interface Refresh {
  generation: string;
  since: number;
}

/**
 * Whole responses to anonymous catalog-only queries (listings, search, suggestions), kept in this
 * router's memory with the listing generation current when their request began: once a product
 * change is applied the generation moves on, and the next request for a query fetches its answer
 * anew (`x-shop-cache: miss`). Requests for the same query that arrive while that one fetch is in
 * flight get the previous answer (`stale`) instead of waiting on it: when a sale's last unit
 * sells, every listing would otherwise queue behind one fetch on a busy core. Once the new answer
 * is served no request gets the old one. Query limits and validation still run first; errors are
 * never cached.
 */
export function responseCachePlugin(
  options: ResponseCacheOptions,
): ApolloServerPlugin<RouterContext> {
  const answers = new LRUCache<string, Answer>({
    max: options.maxEntries,
    ttl: options.ttlSeconds * 1000,
  });
  const refreshes = new Map<string, Refresh>();
  /** The generation last read: only an answer fetched under it is kept. */
  let latestGeneration: string | undefined;
  return {
    async requestDidStart({ contextValue }) {
      if (contextValue.identity.kind !== 'anonymous') return;
      /** Set on a miss: the query and the generation its answer is fetched under. */
      let fetching: { query: string; generation: string } | undefined;
      /** Set when this request's fetch is the query's refresh. */
      let refresh: Refresh | undefined;
      return {
        async responseForOperation({ document, operation, request, response }) {
          if (!options.catalogOnly.test(document, operation.operation)) return null;
          const query = createHash('sha256')
            .update(
              JSON.stringify([
                request.query,
                request.operationName ?? null,
                request.variables ?? {},
              ]),
            )
            .digest('base64url');
          const generation = await options.generation();
          latestGeneration = generation;
          const answer = answers.get(query);
          const inFlight = refreshes.get(query);
          const refreshing =
            inFlight?.generation === generation &&
            performance.now() - inFlight.since < options.staleWhileRefreshingMs;
          if (answer && (answer.generation === generation || refreshing)) {
            response.http.headers.set(
              'x-shop-cache',
              answer.generation === generation ? 'hit' : 'stale',
            );
            return { http: response.http, body: { kind: 'single', singleResult: answer.result } };
          }
          response.http.headers.set('x-shop-cache', 'miss');
          fetching = { query, generation };
          if (!refreshing) {
            refresh = { generation, since: performance.now() };
            refreshes.set(query, refresh);
          }
          return null;
        },
        async willSendResponse({ response }) {
          if (!fetching) return;
          if (refresh && refreshes.get(fetching.query) === refresh)
            refreshes.delete(fetching.query);
          if (response.body.kind !== 'single' || response.body.singleResult.errors) return;
          if (fetching.generation !== latestGeneration) {
            // The generation moved on again during the fetch: the answer kept is older than the
            // one just served, so it may not be served stale any more.
            if (answers.get(fetching.query)?.generation !== latestGeneration)
              answers.delete(fetching.query);
            return;
          }
          answers.set(fetching.query, {
            generation: fetching.generation,
            result: response.body.singleResult,
          });
        },
      };
    },
  };
}
