import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { generatePersistedQueryIdsFromManifest } from '@apollo/persisted-query-lists';
import introspection from '../graphql/possible-types';
import type { ClientConfig } from './config';
import { session } from './session';
import { refreshSession } from './session-api';

/** Refreshed this long before it expires, so no request goes out with a token about to lapse. */
const refreshMarginMs = 30_000;

/**
 * The apps' GraphQL client: operations go by persisted id (the build's manifest; the router
 * resolves them, and in production runs nothing else), with the session's access token, refreshed
 * ahead of its expiry.
 */
export function createApolloClient(config: ClientConfig): ApolloClient {
  const http = new HttpLink({ uri: config.graphqlUrl });
  const persisted = new PersistedQueryLink(
    generatePersistedQueryIdsFromManifest({
      loadManifest: async () => (await fetch('/persisted-query-manifest.json')).json(),
    }),
  );
  let refreshing: Promise<void> | undefined;
  const auth = new SetContextLink(async (previous) => {
    const current = session.get();
    if (!current) return {};
    if (current.expiresAt - Date.now() < refreshMarginMs) {
      await (refreshing ??= refreshSession().finally(() => (refreshing = undefined)));
    }
    const token = session.get()?.accessToken;
    return token ? { headers: { ...previous.headers, authorization: `Bearer ${token}` } } : {};
  });
  return new ApolloClient({
    link: ApolloLink.from([auth, persisted, http]),
    // The schema's unions and interfaces: without them `... on ErrorResult` matches nothing and a
    // typed error reaches the page without its code and message.
    cache: new InMemoryCache({ possibleTypes: introspection.possibleTypes }),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}
