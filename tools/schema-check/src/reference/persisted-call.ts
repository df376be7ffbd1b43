/** How a partner calls a persisted operation: what the router's partner gate expects. */
export const persistedCallSection = `## Calling a persisted operation

Partners never send query text. Write your operations, then have the shop register them as an
Apollo persisted query manifest: each operation's \`id\` is the SHA-256 (lower-case hex) of its
\`body\`, byte for byte.

\`\`\`json
{
  "format": "apollo-persisted-query-manifest",
  "version": 1,
  "operations": [
    {
      "id": "<sha256 of body>",
      "name": "PartnerProduct",
      "type": "query",
      "body": "query PartnerProduct($id: ID!) { … }"
    }
  ]
}
\`\`\`

Call one by its id: \`POST /graphql\` with your key in the \`x-shop-partner-key\` header and the id
and variables in the body.

\`\`\`sh
curl -s https://<shop>/graphql -H 'content-type: application/json' \\
  -H 'x-shop-partner-key: <key>' \\
  -d '{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"<id>"}},"variables":{"id":"…"}}'
\`\`\`

A query text, an id not in your manifest, a field outside your key's scopes, or an unknown or
revoked key is refused with \`PERSISTED_QUERY_REQUIRED\`, \`PERSISTED_QUERY_NOT_LISTED\`,
\`SCOPE_MISSING\` or \`PARTNER_KEY_INVALID\`. Partners are anonymous callers: fields described
as "Admin" are not theirs to read.`;
