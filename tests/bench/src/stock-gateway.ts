// Stock @apollo/gateway in its default configuration, over the same supergraph and subgraphs as
// the shop's router: the baseline of `pnpm bench`. The one addition is what any gateway needs to
// reach our subgraphs at all: the signed internal token they require (anonymous caller).
//   SHOP_INTERNAL_SECRET=… STOCK_GATEWAY_PORT=… SHOP_SUBGRAPH_URL_<NAME>=… tsx src/stock-gateway.ts
import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { InternalTokens } from '@shop/kit/identity';

const tokens = new InternalTokens(process.env.SHOP_INTERNAL_SECRET!);
const supergraphSdl = readFileSync(
  new URL('../../../router/supergraph.graphql', import.meta.url),
  'utf8',
);

class SignedDataSource extends RemoteGraphQLDataSource {
  override async willSendRequest({
    request,
  }: Parameters<RemoteGraphQLDataSource['willSendRequest'] & object>[0]) {
    request.http?.headers.set(
      'x-shop-internal-token',
      await tokens.sign({ via: 'router', identity: { kind: 'anonymous' } }),
    );
  }
}

process.env.APOLLO_TELEMETRY_DISABLED = 'true';
const gateway = new ApolloGateway({
  supergraphSdl,
  buildService: ({ name, url }) =>
    new SignedDataSource({ url: process.env[`SHOP_SUBGRAPH_URL_${name.toUpperCase()}`] ?? url }),
});
const server = new ApolloServer({ gateway });
const { url } = await startStandaloneServer(server, {
  listen: { port: Number(process.env.STOCK_GATEWAY_PORT), host: '127.0.0.1' },
});
console.log(`stock gateway on ${url}`);
