import type { HTTPGraphQLRequest } from '@apollo/server';
import { RequestRefused } from '../refusal.js';

/** The parts of a GraphQL-over-HTTP body the router reads before Apollo does. */
interface GraphQLBody {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } } & Record<string, unknown>;
  /** The GraphQL-over-HTTP persisted documents draft names it so. */
  documentId?: unknown;
}

/** What a client asked to run: a persisted operation's id, or a document of its own. */
export type RequestedOperation =
  { kind: 'persisted'; id: string } | { kind: 'document'; query: string } | { kind: 'none' };

function parsedParam(params: URLSearchParams, name: string): unknown {
  const value = params.get(name);
  if (value === null) return undefined;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/** A POST's JSON body, or a GET's query string read the same way (GraphQL over HTTP). */
function paramsOf(request: HTTPGraphQLRequest): GraphQLBody | undefined {
  if (request.method === 'GET') {
    const params = new URLSearchParams(request.search);
    return {
      query: params.get('query') ?? undefined,
      operationName: params.get('operationName') ?? undefined,
      variables: parsedParam(params, 'variables'),
      extensions: parsedParam(params, 'extensions') as GraphQLBody['extensions'],
      documentId: params.get('documentId') ?? undefined,
    };
  }
  return typeof request.body === 'object' && request.body !== null
    ? (request.body as GraphQLBody)
    : undefined;
}

export function requestedOperation(request: HTTPGraphQLRequest): RequestedOperation {
  const body = paramsOf(request);
  const id = body?.extensions?.persistedQuery?.sha256Hash ?? body?.documentId;
  if (typeof id === 'string' && typeof body?.query !== 'string')
    return { kind: 'persisted', id: id.replace(/^sha256:/, '') };
  if (typeof body?.query === 'string') return { kind: 'document', query: body.query };
  return { kind: 'none' };
}

/**
 * The request with the persisted operation's body in place of its id. A persisted body is one
 * operation, so the client's operation name is dropped rather than trusted; the id is removed, so
 * Apollo's own automatic persisted queries (off in this router anyway) never see it.
 */
export function withDocument(request: HTTPGraphQLRequest, query: string): HTTPGraphQLRequest {
  const { variables, extensions } = paramsOf(request) ?? {};
  const { persistedQuery: _persistedQuery, ...otherExtensions } = extensions ?? {};
  const body: GraphQLBody = {
    query,
    ...(variables !== undefined ? { variables } : {}),
    ...(Object.keys(otherExtensions).length > 0 ? { extensions: otherExtensions } : {}),
  };
  if (request.method !== 'GET') return { ...request, body };
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(body))
    if (value !== undefined)
      search.set(name, typeof value === 'string' ? value : JSON.stringify(value));
  return { ...request, search: `?${search}` };
}

export function refusePersisted(code: string, message: string, status = 400): RequestRefused {
  return new RequestRefused({ status, code, message });
}
