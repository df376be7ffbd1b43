import type {
  ApolloGateway,
  Experimental_DidResolveQueryPlanCallback,
  GraphQLDataSource,
  GraphQLDataSourceProcessOptions,
} from '@apollo/gateway';
import { operationFromDocument, type Schema } from '@apollo/federation-internals';
import { parse, type DocumentNode } from 'graphql';
import type { RouterMetrics } from './metrics.js';

type GatewayExecutor = ApolloGateway['executor'];
type GatewayRequestContext = Parameters<GatewayExecutor>[0];
type SubgraphAnswer = Awaited<ReturnType<GraphQLDataSource['process']>>;
type ResolvedPlan = Parameters<Experimental_DidResolveQueryPlanCallback>[0];
type QueryPlan = ResolvedPlan['queryPlan'];
type IncomingOperation = Extract<
  GraphQLDataSourceProcessOptions,
  { incomingRequestContext: unknown }
>;
type FetchNode = Extract<NonNullable<QueryPlan['node']>, { kind: 'Fetch' }>;

/** A plan the router may pass through: its one fetch, and the data source that sends it. */
interface OneFetch {
  fetch: FetchNode;
  source: GraphQLDataSource;
}

/**
 * The fetch of a plan that is one fetch asking one subgraph exactly what the client asked (the
 * same fields, aliases, arguments and directives, fragments expanded), or undefined. Such a
 * fetch's data is already the client's answer: every field a subgraph serves is typed in the
 * supergraph as it is in that subgraph or less strictly, so the gateway's result shaping would
 * copy it unchanged.
 */
export function oneFetchOf(
  apiSchema: Schema,
  queryPlan: QueryPlan,
  document: DocumentNode,
  operationName: string | undefined,
): FetchNode | undefined {
  const fetch = queryPlan.node;
  if (fetch?.kind !== 'Fetch') return;
  if (fetch.requires || fetch.hasDefers) return;
  if (fetch.inputRewrites?.length || fetch.outputRewrites?.length || fetch.contextRewrites?.length)
    return;
  try {
    const asked = operationFromDocument(apiSchema, document, { operationName })
      .expandAllFragments()
      .normalize();
    const sentDocument = fetch.operationDocumentNode ?? parse(fetch.operation);
    const sent = operationFromDocument(apiSchema, sentDocument, { validate: false })
      .expandAllFragments()
      .normalize();
    if (asked.rootKind !== sent.rootKind) return;
    return asked.selectionSet.toString() === sent.selectionSet.toString() ? fetch : undefined;
  } catch {
    // A fetch the API schema cannot read (a subgraph-only field) is not the client's question.
    return;
  }
}

/**
 * Answers an operation whose plan is one fetch asking exactly what the client asked (see
 * `oneFetchOf`) with the subgraph's data as it came: no query-plan execution, no result shaping,
 * which walk every value of the answer again (a quarter of an uncached listing's CPU, by profile).
 * The first request of an operation goes the gateway's way, which plans it; the plan is then
 * looked at once. An answer with errors, or a fetch that failed, is handed to the gateway's own
 * execution as the answer of its fetch (not fetched again): errors keep the gateway's paths,
 * codes and null handling.
 */
export class PassThrough {
  /** By document (Apollo Server parses each distinct query once), then by operation name. */
  private readonly decided = new WeakMap<DocumentNode, Map<string, OneFetch | null>>();
  /** A passed-through fetch's answer, for the gateway's execution of the same request. */
  private readonly fetched = new WeakMap<object, Promise<SubgraphAnswer>>();

  constructor(
    private readonly apiSchema: Schema,
    private readonly metrics: RouterMetrics,
  ) {}

  /** The gateway's `experimental_didResolveQueryPlan`: called with every request's plan. */
  readonly remember = ({ queryPlan, serviceMap, requestContext }: ResolvedPlan): void => {
    const { document, request } = requestContext;
    let byName = this.decided.get(document);
    if (!byName) this.decided.set(document, (byName = new Map()));
    const name = request.operationName ?? '';
    if (byName.has(name)) return;
    const fetch = oneFetchOf(this.apiSchema, queryPlan, document, request.operationName);
    const source = fetch && serviceMap[fetch.serviceName];
    byName.set(name, fetch && source ? { fetch, source } : null);
  };

  /** The gateway's executor, passing through what it may. */
  executor(gatewayExecutor: GatewayExecutor): GatewayExecutor {
    return async (requestContext) => {
      const oneFetch = this.decided
        .get(requestContext.document)
        ?.get(requestContext.request.operationName ?? '');
      if (!oneFetch) return gatewayExecutor(requestContext);
      const answer = this.send(oneFetch, requestContext);
      const settled = await answer.then(
        (value) => value,
        () => undefined,
      );
      if (settled?.data && !settled.errors?.length) {
        this.metrics.operationPassedThrough(oneFetch.fetch.serviceName);
        return { data: settled.data };
      }
      this.fetched.set(requestContext.context, answer);
      return gatewayExecutor(requestContext);
    };
  }

  /**
   * The answer this request's one fetch already got, taken once: the data source returns it
   * instead of fetching again when the gateway executes the request after a pass-through failed.
   */
  takeFetched(context: object): Promise<SubgraphAnswer> | undefined {
    const answer = this.fetched.get(context);
    this.fetched.delete(context);
    return answer;
  }

  /** The fetch as the gateway sends it: the variables it uses, as the client sent them. */
  private send({ fetch, source }: OneFetch, requestContext: GatewayRequestContext) {
    const provided = requestContext.request.variables ?? {};
    const variables: Record<string, unknown> = Object.create(null);
    for (const name of fetch.variableUsages ?? [])
      if (Object.hasOwn(provided, name) && provided[name] !== undefined)
        variables[name] = provided[name];
    return source.process({
      // The gateway's enum of kinds is not exported; this is its value for a client's operation.
      kind: 'incoming operation' as IncomingOperation['kind'],
      request: { query: fetch.operation, variables, operationName: fetch.operationName },
      incomingRequestContext: requestContext,
      context: requestContext.context,
      document: fetch.operationDocumentNode,
      pathInIncomingRequest: [],
    });
  }
}
