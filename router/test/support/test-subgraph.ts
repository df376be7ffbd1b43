import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import { parse } from 'graphql';
import { InternalTokens, type Caller } from '@shop/kit/identity';
import { listen } from '@shop/kit/ops';
import { writeGraphQLResponse } from '@shop/kit/server';
import { toGraphQLRequest } from '../../src/http-server.js';

/** What a test subgraph saw of one request that got past its caller check. */
export interface SeenRequest {
  caller: Caller;
  requestId: string | undefined;
  internalToken: string | undefined;
  headers: IncomingMessage['headers'];
}

export interface SubgraphContext {
  caller: Caller;
  requestId: string | undefined;
}

export interface TestSubgraph {
  name: string;
  /** The address it listens on, `/graphql` included. */
  url: string;
  port: number;
  /** Requests it accepted, oldest first. */
  seen: SeenRequest[];
  /** Requests it refused for a missing or bad internal token. */
  refused: number;
  /** Closes the listener (connections included): the subgraph is down. */
  goDown(): Promise<void>;
  /** Listens again on the same port. */
  comeBack(): Promise<void>;
  /** While true, it accepts requests and never answers them. */
  hang(hanging: boolean): void;
  /** Answers each later request only after `ms` (0: at once). */
  delay(ms: number): void;
  close(): Promise<void>;
}

/**
 * A real Apollo subgraph on node:http that, like the shop's subgraphs, accepts only requests with
 * an internal token it can verify (`InternalTokens.verify`), and records what it saw.
 */
export async function startTestSubgraph(options: {
  name: string;
  sdl: string;
  resolvers: GraphQLResolverMap<SubgraphContext>;
  internalSecret: string;
}): Promise<TestSubgraph> {
  const tokens = new InternalTokens(options.internalSecret);
  const apollo = new ApolloServer<SubgraphContext>({
    // 2.15 takes modules (an array); the single { typeDefs, resolvers } form is gone.
    schema: buildSubgraphSchema([{ typeDefs: parse(options.sdl), resolvers: options.resolvers }]),
    csrfPrevention: false,
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();
  const seen: SeenRequest[] = [];
  let hanging = false;
  let delayMs = 0;
  let server: Server | undefined;
  let port = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (hanging) return;
    const internalToken = req.headers['x-shop-internal-token'];
    const caller = await tokens.verify(
      typeof internalToken === 'string' ? internalToken : undefined,
    );
    if (!caller) {
      subgraph.refused++;
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: 'no valid internal token' }] }));
      return;
    }
    const requestId = req.headers['x-request-id'] as string | undefined;
    seen.push({
      caller,
      requestId,
      internalToken: internalToken as string,
      headers: req.headers,
    });
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: await toGraphQLRequest(req, 1_000_000),
      context: async () => ({ caller, requestId }),
    });
    await writeGraphQLResponse(res, response);
  };

  const open = async () => {
    server = createServer((req, res) => {
      handle(req, res).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
    });
    port = await listen(server, port, '127.0.0.1');
  };
  const shut = async () => {
    const closing = server;
    server = undefined;
    if (!closing) return;
    await new Promise<void>((resolve) => {
      closing.close(() => resolve());
      closing.closeAllConnections();
    });
  };

  await open();
  const subgraph: TestSubgraph = {
    name: options.name,
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    seen,
    refused: 0,
    goDown: shut,
    comeBack: open,
    hang: (value) => {
      hanging = value;
    },
    delay: (ms) => {
      delayMs = ms;
    },
    close: async () => {
      hanging = false;
      await shut();
      await apollo.stop();
    },
  };
  return subgraph;
}
