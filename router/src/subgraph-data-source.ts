import { AsyncLocalStorage } from 'node:async_hooks';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import type { ServiceInstances } from '@shop/kit/internal-http';
import { fetchOutcomeOf, httpStatusOf, type SubgraphCircuit } from './circuit.js';
import type { RouterMetrics } from './metrics.js';
import { isRouterContext, type RouterContext } from './router-context.js';
import { SharedFetches } from './shared-fetches.js';
import { SubgraphAnswer } from './subgraph-answer.js';

type SubgraphResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

/** Headers only the router may set; whatever a client sent under these names never goes through. */
function isReservedHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('x-shop-') || lower === 'authorization' || lower === 'cookie';
}

const reasons = {
  circuit_open: 'it failed repeatedly just now; the router is not calling it for a moment',
  timeout: 'it did not answer in time',
  network_error: 'it could not be reached',
  http_error: 'it answered with an error',
} as const;

/**
 * The key under which a fetch may share an identical one in flight: only anonymous queries, whose
 * answers are public data, the same for every anonymous caller (partners included). A signed-in
 * caller's fetch, and any mutation, always runs on its own.
 */
function sharingKeyOf(options: GraphQLDataSourceProcessOptions<RouterContext>): string | undefined {
  // Only a client's operation carries its request context (not the gateway's own health checks).
  if (!('incomingRequestContext' in options)) return;
  if (!isRouterContext(options.context) || options.context.identity.kind !== 'anonymous') return;
  if (options.incomingRequestContext.operation?.operation !== 'query') return;
  const { query, operationName, variables } = options.request;
  return JSON.stringify([query, operationName ?? null, variables ?? {}]);
}

/**
 * The router's fetch to one subgraph: forwards the verified identity as a signed internal token
 * (and the request id), never a client's header; runs inside the subgraph's circuit with a
 * timeout, so a dead subgraph fails fast with SUBGRAPH_UNAVAILABLE naming it. Identical anonymous
 * queries in flight together are fetched once: a burst of shoppers on one page costs one fetch.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<RouterContext> {
  /** Per fetch: the circuit's abort signal, and whether the fetch may be sent again. */
  private readonly fetches = new AsyncLocalStorage<{ signal: AbortSignal; repeatable: boolean }>();
  private readonly shared = new SharedFetches<SubgraphResponse>();

  constructor(
    private readonly subgraph: string,
    private readonly instances: ServiceInstances,
    /** The subgraph's GraphQL URL (its path); each fetch goes to one of `instances`. */
    url: string,
    private readonly circuit: SubgraphCircuit,
    private readonly metrics: RouterMetrics,
    /** What the router already fetched for a request it tried to pass through (`PassThrough`). */
    private readonly alreadyFetched: (context: object) => Promise<SubgraphResponse> | undefined,
  ) {
    super({ url: new URL(new URL(url).pathname, instances.origins[0]).href });
    // The circuit's timeout aborts the request itself, not only the wait for it. A query only
    // reads: it may go on to another instance when an instance dies under it.
    this.fetcher = async (url, init = {}) => {
      const fetch = this.fetches.getStore();
      const answer = await this.instances.request(
        url,
        {
          method: 'POST',
          headers: init.headers ?? {},
          body: init.body?.toString(),
          signal: fetch?.signal ?? (init.signal as AbortSignal | undefined),
        },
        { repeatable: fetch?.repeatable ?? false },
      );
      return new SubgraphAnswer(url, answer);
    };
  }

  override async willSendRequest({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<RouterContext>): Promise<void> {
    const headers = request.http?.headers;
    if (!headers) return;
    const reserved = [...headers].map(([name]) => name).filter(isReservedHeader);
    for (const name of reserved) headers.delete(name);
    // The gateway's own calls (none with a static supergraph) carry no client context.
    if (!isRouterContext(context)) return;
    headers.set('x-shop-internal-token', await context.internalToken());
    headers.set('x-request-id', context.requestId);
  }

  override async process(
    options: GraphQLDataSourceProcessOptions<RouterContext>,
  ): Promise<SubgraphResponse> {
    const fetched = this.alreadyFetched(options.context);
    if (fetched) return fetched;
    const key = sharingKeyOf(options);
    if (!key || !isRouterContext(options.context)) return this.fetchFromSubgraph(options);
    return this.shared.run(
      key,
      options.context.startedAt,
      () => this.fetchFromSubgraph(options),
      () => this.metrics.subgraphFetchShared(this.subgraph),
    );
  }

  private async fetchFromSubgraph(
    options: GraphQLDataSourceProcessOptions<RouterContext>,
  ): Promise<SubgraphResponse> {
    const startedAt = performance.now();
    try {
      const response = await this.circuit.execute((signal) =>
        this.fetches.run({ signal, repeatable: isQuery(options.request.query) }, () =>
          super.process(options),
        ),
      );
      this.metrics.subgraphFetched(this.subgraph, 'success', this.secondsSince(startedAt));
      return response;
    } catch (error) {
      const outcome = fetchOutcomeOf(error);
      this.metrics.subgraphFetched(
        this.subgraph,
        outcome,
        outcome === 'circuit_open' ? undefined : this.secondsSince(startedAt),
      );
      const status = httpStatusOf(error);
      if (isRouterContext(options.context)) {
        options.context.logger[outcome === 'circuit_open' ? 'debug' : 'warn'](
          { subgraph: this.subgraph, outcome, status, err: error },
          'subgraph fetch failed',
        );
      }
      // A 4xx is the subgraph refusing the router (misconfiguration), not it being down.
      if (status !== undefined && status < 500) {
        throw new GraphQLError(`The ${this.subgraph} service refused the request.`, {
          extensions: { code: 'SUBGRAPH_REFUSED', subgraph: this.subgraph },
        });
      }
      throw new GraphQLError(
        `The ${this.subgraph} service is unavailable: ${reasons[outcome]}. Try again shortly.`,
        { extensions: { code: 'SUBGRAPH_UNAVAILABLE', subgraph: this.subgraph, reason: outcome } },
      );
    }
  }

  private secondsSince(startedAt: number): number {
    return (performance.now() - startedAt) / 1000;
  }
}

/** A fetch document that only reads (the gateway writes `query …` or `mutation …`). */
function isQuery(document: string | undefined): boolean {
  return (
    document?.trimStart().startsWith('query') === true ||
    document?.trimStart().startsWith('{') === true
  );
}
