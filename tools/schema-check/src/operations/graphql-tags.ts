/**
 * The GraphQL in a TypeScript file's gql`…` and graphql`…` tags. A tag follows no word character,
 * dot, slash or backtick, so `/graphql` in a comment is not one. `${…}` parts are dropped: they
 * splice in fragments, which are defined in tags of their own and pooled with the rest.
 */
export function graphqlTagsOf(source: string): string[] {
  return [...source.matchAll(/(?<![\w$./`-])(?:gql|graphql)\s*`([^`]*)`/g)].map((match) =>
    match[1]!.replace(/\$\{[^}]*\}/g, ''),
  );
}
