import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import type { Logger } from '../logger.js';
import { InternalProblem } from './internal-problem.js';
import { readJsonBody } from './read-json-body.js';
import { RoutePattern } from './route-pattern.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface Caller {
  service: string;
}

export interface InternalRequest<Body> {
  caller: Caller;
  body: Body;
  /** The route's `:name` path parameters. */
  params: Record<string, string>;
  query: URLSearchParams;
  requestId: string;
  idempotencyKey: string | undefined;
}

/** Returns the JSON answer (200), or nothing (204); throws `InternalProblem` for an error. */
export type InternalHandler<Body> = (request: InternalRequest<Body>) => unknown;

export interface InternalRouterOptions {
  /** Checks a service token; `null` refuses the call. */
  verifyCaller(token: string): Promise<Caller | null>;
  logger: Logger;
  maxBodyBytes?: number;
}

export interface InternalRouter {
  route(method: HttpMethod, path: string, handler: InternalHandler<unknown>): InternalRouter;
  route<Schema extends z.ZodType>(
    method: HttpMethod,
    path: string,
    bodySchema: Schema,
    handler: InternalHandler<z.output<Schema>>,
  ): InternalRouter;
  /** The `node:http` request listener; it answers every request and never rejects. */
  handle(request: IncomingMessage, response: ServerResponse): Promise<void>;
}

interface Route {
  method: string;
  pattern: RoutePattern;
  bodySchema: z.ZodType | undefined;
  handler: InternalHandler<unknown>;
}

/**
 * Internal JSON endpoints for other services, on plain `node:http`: every request needs a service
 * token, bodies are validated with zod, every answer (errors included) is JSON.
 */
export function createInternalRouter(options: InternalRouterOptions): InternalRouter {
  const { verifyCaller, logger, maxBodyBytes = 1024 * 1024 } = options;
  const routes: Route[] = [];

  async function dispatch(request: IncomingMessage, requestId: string): Promise<unknown> {
    const token = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const caller = token ? await verifyCaller(token) : null;
    // Checked before routing, so an unauthenticated caller learns nothing about the routes.
    if (!caller) {
      throw new InternalProblem(401, 'UNAUTHENTICATED', 'a valid service token is required');
    }

    const url = new URL(request.url ?? '/', 'http://internal');
    for (const route of routes) {
      if (route.method !== request.method) continue;
      const params = route.pattern.match(url.pathname);
      if (!params) continue;
      const raw = request.method === 'GET' ? undefined : await readJsonBody(request, maxBodyBytes);
      return route.handler({
        caller,
        body: route.bodySchema ? parseBody(route.bodySchema, raw) : raw,
        params,
        query: url.searchParams,
        requestId,
        idempotencyKey: header(request, 'idempotency-key'),
      });
    }
    throw new InternalProblem(404, 'NOT_FOUND', `no route ${request.method} ${url.pathname}`);
  }

  const router: InternalRouter = {
    route(
      method: HttpMethod,
      path: string,
      schemaOrHandler: z.ZodType | InternalHandler<unknown>,
      handler?: InternalHandler<never>,
    ) {
      const withSchema = typeof schemaOrHandler !== 'function';
      routes.push({
        method,
        pattern: new RoutePattern(path),
        bodySchema: withSchema ? schemaOrHandler : undefined,
        handler: (withSchema ? handler : schemaOrHandler) as InternalHandler<unknown>,
      });
      return router;
    },

    async handle(request, response) {
      const requestId = header(request, 'x-request-id') ?? randomUUID();
      try {
        const result = await dispatch(request, requestId);
        send(response, requestId, result === undefined ? 204 : 200, result);
      } catch (error) {
        if (error instanceof InternalProblem) {
          send(response, requestId, error.status, error);
          return;
        }
        logger.error({ err: error, requestId, url: request.url }, 'internal handler failed');
        send(response, requestId, 500, { code: 'INTERNAL', message: 'internal error' });
      }
    },
  };
  return router;
}

function parseBody(schema: z.ZodType, body: unknown): unknown {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.join('.'),
    message: issue.message,
  }));
  throw new InternalProblem(400, 'BAD_REQUEST', 'the body is invalid', { issues });
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function send(response: ServerResponse, requestId: string, status: number, body: unknown): void {
  // Serialised before the head is written, so an answer that is not JSON can still become a 500.
  const json = status === 204 ? undefined : JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'x-request-id': requestId });
  response.end(json);
}
