import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { composeServices } from '@apollo/composition';
import { buildSchema, graphql, parse } from 'graphql';
import { listen } from '@shop/kit/ops';
import { buildSubgraphSchema } from '@shop/kit/server';
import type { Runtime } from '@shop/kit/service';
import { createRouter, type RunningRouter } from '@shop/router';
import { freePort, graphqlRequest } from '@shop/testkit';
import { fromRuntime } from '../../../router/src/runtime-router.js';
import { subgraphs } from '../../../scripts/subgraphs.js';

/**
 * A test-only subgraph that knows Payment, Shipment and Return by their key and nothing else, so
 * the router's planner has to fetch every other field from the owning subgraph through
 * `_entities(representations: [{ __typename, id }])`: the path any subgraph that links to these
 * entities takes.
 */
const probeSdl = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
  type Query {
    probePayment(id: ID!): Payment
    probePayments(ids: [ID!]!): [Payment]!
    probeShipment(id: ID!): Shipment
    probeReturn(id: ID!): Return
  }
  type Payment @key(fields: "id", resolvable: false) { id: ID! }
  type Shipment @key(fields: "id", resolvable: false) { id: ID! }
  type Return @key(fields: "id", resolvable: false) { id: ID! }
`;

// What the probe executes: the same fields, federation aside (the router never asks it for
// `_entities`, its entities are not resolvable here).
const probeSchema = buildSchema(`
  type Query {
    probePayment(id: ID!): Payment
    probePayments(ids: [ID!]!): [Payment]!
    probeShipment(id: ID!): Shipment
    probeReturn(id: ID!): Return
  }
  type Payment { id: ID! }
  type Shipment { id: ID! }
  type Return { id: ID! }
`);
const reference = ({ id }: { id: string }) => ({ id });
const probeRoot = {
  probePayment: reference,
  probePayments: ({ ids }: { ids: string[] }) => ids.map((id) => ({ id })),
  probeShipment: reference,
  probeReturn: reference,
};

/** The subgraphs whose fetches from the probe router are recorded. */
export const watchedSubgraphs = ['payment', 'delivery', 'return'] as const;
type Watched = (typeof watchedSubgraphs)[number];

export interface SubgraphFetch {
  subgraph: Watched;
  query: string;
  variables: Record<string, unknown> | undefined;
}

export interface EntityProbe {
  /** A router on the real subgraphs plus the probe, composed for this test. */
  router: RunningRouter;
  call: (
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ) => ReturnType<typeof graphqlRequest<Record<string, unknown>>>;
  /** What the probe router sent to payment, delivery and return, oldest first. */
  fetches: SubgraphFetch[];
  stop(): Promise<void>;
}

async function bodyOf(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function serve(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    // A failure here is the test's plumbing failing: answer it, so the router reports it.
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });
  const port = await listen(server, 0, '127.0.0.1');
  return { server, origin: `http://127.0.0.1:${port}` };
}

const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

/**
 * Starts the probe subgraph, a recording pass-through to payment, delivery and return, and a
 * second router (the shop's own code, signer and subgraphs) on a supergraph composed from every
 * subgraph's SDL and the probe's.
 */
export async function startEntityProbe(runtime: Runtime): Promise<EntityProbe> {
  const probe = await serve(async (req, res) => {
    const { query, variables, operationName } = JSON.parse((await bodyOf(req)).toString()) as {
      query: string;
      variables?: Record<string, unknown>;
      operationName?: string;
    };
    const result = await graphql({
      schema: probeSchema,
      source: query,
      rootValue: probeRoot,
      variableValues: variables,
      operationName,
    });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
  });

  const fetches: SubgraphFetch[] = [];
  const targets = new Map(
    watchedSubgraphs.map((name) => [name, `${runtime.instanceUrlsOf(name)[0]}/graphql`]),
  );
  const recorder = await serve(async (req, res) => {
    const subgraph = req.url?.split('/')[1] as Watched;
    const body = await bodyOf(req);
    const sent = JSON.parse(body.toString()) as Pick<SubgraphFetch, 'query' | 'variables'>;
    fetches.push({ subgraph, query: sent.query, variables: sent.variables });
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(name))
        headers.set(name, value);
    }
    const answer = await fetch(targets.get(subgraph)!, {
      method: 'POST',
      headers,
      body: new Uint8Array(body),
    });
    res
      .writeHead(answer.status, {
        'content-type': answer.headers.get('content-type') ?? 'application/json',
      })
      .end(Buffer.from(await answer.arrayBuffer()));
  });

  const composed = composeServices([
    ...(await Promise.all(
      subgraphs.map(async (definition) => ({
        name: definition.name,
        url: 'http://127.0.0.1:9/graphql',
        typeDefs: parse((await buildSubgraphSchema(definition.graphql)).sdl),
      })),
    )),
    { name: 'probe', url: `${probe.origin}/graphql`, typeDefs: parse(probeSdl) },
  ]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));

  const { settings, deps } = fromRuntime(runtime, { port: await freePort() });
  // Its own metrics registry: the shop's router already registered the router metrics.
  const { registry: _shared, subgraphUrl, ...shared } = deps;
  const router = await createRouter(
    // The secret is not read: the runtime's signer (in `shared`) signs.
    { ...settings, SHOP_INTERNAL_SECRET: '' },
    {
      ...shared,
      supergraphSdl: composed.supergraphSdl,
      subgraphUrl: (name) => {
        if (name === 'probe') return `${probe.origin}/graphql`;
        if (targets.has(name as Watched)) return `${recorder.origin}/${name}/graphql`;
        return subgraphUrl?.(name);
      },
    },
  );

  return {
    router,
    call: (query, variables, token) => graphqlRequest(router.url, query, { variables, token }),
    fetches,
    stop: async () => {
      await router.stop();
      await Promise.all([close(probe.server), close(recorder.server)]);
    },
  };
}
