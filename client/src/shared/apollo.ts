import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import introspection from '../graphql/possible-types';
import type { ClientConfig } from './config';
import { session } from './session';
import { refreshSession } from './session-api';

/** Refreshed this long before it expires, so no request goes out with a token about to lapse. */
const refreshMarginMs = 30_000;

/**
 * An operation's persisted id, by its name, from the build's manifest: what
 * @apollo/persisted-query-lists does, without its CommonJS `require('graphql')`, which puts all of
 * graphql-js (some 40 KB gzipped) into each app's first load.
 */
function idsFromManifest(): PersistedQueryLink.GenerateHashFunction {
  const ids = fetch('/persisted-query-manifest.json')
    .then((response) => response.json() as Promise<{ operations: { id: string; name: string }[] }>)
    .then(({ operations }) => new Map(operations.map(({ name, id }) => [name, id])));
  // A failed load is the first operation's error, not an unhandled rejection before it.
  ids.catch(() => {});
  return async (document) => {
    const operations = document.definitions.filter(
      (definition) => definition.kind === 'OperationDefinition',
    );
    const name = operations.length === 1 ? operations[0]!.name?.value : undefined;
    const id = name === undefined ? undefined : (await ids).get(name);
    if (id === undefined)
      throw new Error(`operation ${name ?? '(anonymous)'} is not in the manifest`);
    return id;
  };
}

/**
 * The apps' GraphQL client: operations go by persisted id (the build's manifest; the router
 * resolves them, and in production runs nothing else), with the session's access token, refreshed
 * ahead of its expiry.
 */
export function createApolloClient(config: ClientConfig): ApolloClient {
  const http = new HttpLink({ uri: config.graphqlUrl });
  const persisted = new PersistedQueryLink({
    generateHash: idsFromManifest(),
    // The router knows operations by id only: sending the text instead would not help.
    disable: () => false,
  });
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
