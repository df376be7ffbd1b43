// Stock @apollo/gateway in its default configuration, over the same supergraph and subgraphs as
// the shop's router: the baseline of `pnpm bench`. Its one addition is what any gateway needs to
// reach our subgraphs at all (baseline-env.ts).
//   SHOP_INTERNAL_SECRET=… BASELINE_GATEWAY_PORT=… SHOP_SUBGRAPH_URL_<NAME>=… tsx src/gateways/stock-apollo.ts
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import {
  internalTokenHeader,
  listenPort,
  signAnonymous,
  subgraphUrl,
  supergraphSdl,
} from './baseline-env.js';

class SignedDataSource extends RemoteGraphQLDataSource {
  override async willSendRequest({
    request,
  }: Parameters<RemoteGraphQLDataSource['willSendRequest'] & object>[0]) {
    request.http?.headers.set(internalTokenHeader, await signAnonymous());
  }
}

process.env.APOLLO_TELEMETRY_DISABLED = 'true';
const gateway = new ApolloGateway({
  supergraphSdl,
  buildService: ({ name, url }) => new SignedDataSource({ url: subgraphUrl(name, url!) }),
});
const server = new ApolloServer({ gateway });
await startStandaloneServer(server, { listen: { port: listenPort, host: '127.0.0.1' } });
