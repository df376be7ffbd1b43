// GraphQL Hive Gateway (its runtime, default configuration) over the same supergraph and
// subgraphs as the shop's router: the second baseline of `pnpm bench`. Its one addition is what
// any gateway needs to reach our subgraphs at all (baseline-env.ts).
//   SHOP_INTERNAL_SECRET=… BASELINE_GATEWAY_PORT=… SHOP_SUBGRAPH_URL_<NAME>=… tsx src/gateways/hive.ts
import { createServer } from 'node:http';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import {
  internalTokenHeader,
  listenPort,
  signAnonymous,
  subgraphUrl,
  supergraphSdl,
} from './baseline-env.js';

/** Each subgraph's name and composed URL, from the supergraph's join__Graph enum. */
const graphs = [...supergraphSdl.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]+)"\)/g)].map(
  ([, name, url]) => ({ name: name!, url: url! }),
);
if (graphs.length === 0) throw new Error('no @join__graph in the supergraph');

const gateway = createGatewayRuntime({
  supergraph: supergraphSdl,
  logging: 'error',
  transportEntries: Object.fromEntries(
    graphs.map(({ name, url }) => [name, { location: subgraphUrl(name, url) }]),
  ),
  plugins: () => [
    {
      async onFetch({ options, setOptions }) {
        setOptions({
          ...options,
          headers: { ...options.headers, [internalTokenHeader]: await signAnonymous() },
        });
      },
    },
  ],
});
createServer((req, res) => void gateway(req, res)).listen(listenPort, '127.0.0.1');
