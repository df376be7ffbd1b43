import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import { holdsUnsafeText, unsafeTextCode } from './limits/unsafe-text.js';
import { RequestRefused } from './refusal.js';

/** Answers a refusal as a GraphQL-shaped error with its status and headers. */
export function sendRefusal(res: ServerResponse, refusal: RequestRefused): void {
  const body = JSON.stringify({
    errors: [
      { message: refusal.message, extensions: { ...refusal.extensions, code: refusal.code } },
    ],
  });
  res.writeHead(refusal.status, {
    ...refusal.headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  res.end(body);
}

/** The body of a POST: parsed JSON for a JSON content type, else undefined (Apollo refuses it). */
async function readBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0);
  // Made only when refused: an error's stack costs every request that built one.
  const tooLarge = () =>
    new RequestRefused({
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: `The request body is larger than ${maxBytes} bytes.`,
    });
  if (declared > maxBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge();
    chunks.push(chunk);
  }
  if (
    size === 0 ||
    !/^application\/(graphql-response\+)?json\b/i.test(req.headers['content-type'] ?? '')
  )
    return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new RequestRefused({
      status: 400,
      code: 'BAD_REQUEST',
      message: 'The request body is not valid JSON.',
    });
  }
}

export interface VariablesLimits {
  /** Nesting of objects and arrays in `variables` or `extensions`: `{"a":[1]}` is 2. */
  maxDepth: number;
  /** `variables` as JSON, in bytes. */
  maxBytes: number;
}

/**
 * How deep `value` nests, walked without recursion and given up past `max` (so a value nested a
 * million deep costs no more than one nested `max + 1` deep, and no stack).
 */
function nestsDeeperThan(value: unknown, max: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [item, depth] = pending.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    if (depth + 1 > max) return true;
    for (const child of Array.isArray(item) ? item : Object.values(item))
      if (typeof child === 'object' && child !== null) pending.push([child, depth + 1]);
  }
  return false;
}

/**
 * Refuses `variables` (and `extensions`) nested deeper or, as JSON, larger than the limits, or
 * holding text no field can store, with a 400 and a code, before any GraphQL runs: neither the
 * router nor a subgraph ever walks them.
 */
export function checkVariables(
  fields: { variables?: unknown; extensions?: unknown },
  limits: VariablesLimits,
): void {
  for (const name of ['variables', 'extensions'] as const) {
    if (nestsDeeperThan(fields[name], limits.maxDepth))
      throw new RequestRefused({
        status: 400,
        code: 'VARIABLES_TOO_DEEP',
        message: `The request's ${name} nest deeper than ${limits.maxDepth} levels.`,
        extensions: { limit: 'depth', max: limits.maxDepth },
      });
  }
  if (holdsUnsafeText(fields.variables))
    throw new RequestRefused({
      status: 400,
      code: unsafeTextCode,
      message: "The request's variables hold a NUL character or an unpaired surrogate.",
    });
  // Within the depth limit, serialising cannot exhaust the stack.
  const bytes = Buffer.byteLength(JSON.stringify(fields.variables ?? null));
  if (bytes > limits.maxBytes)
    throw new RequestRefused({
      status: 400,
      code: 'VARIABLES_TOO_LARGE',
      message: `The request's variables are larger than ${limits.maxBytes} bytes.`,
      extensions: { limit: 'bytes', max: limits.maxBytes },
    });
}

/** A GET's `variables`/`extensions` parameters, parsed where they are JSON (else Apollo refuses). */
function queryParameters(search: URLSearchParams): { variables?: unknown; extensions?: unknown } {
  const parsed: { variables?: unknown; extensions?: unknown } = {};
  for (const name of ['variables', 'extensions'] as const) {
    const text = search.get(name);
    if (text === null) continue;
    try {
      parsed[name] = JSON.parse(text);
    } catch {
      // Not JSON: Apollo answers that itself.
    }
  }
  return parsed;
}

/** A node:http request as Apollo Server's framework-neutral request, its variables checked. */
export async function toGraphQLRequest(
  req: IncomingMessage,
  maxBodyBytes: number,
  /** Unchecked without (a test subgraph's own requests). */
  variablesLimits?: VariablesLimits,
): Promise<HTTPGraphQLRequest> {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = new URL(req.url ?? '/', 'http://router');
  const body = req.method === 'POST' ? await readBody(req, maxBodyBytes) : undefined;
  // JSON.parse itself does not recurse; the walk above does not either.
  if (variablesLimits) {
    // A batch is refused by Apollo, but only after this: its entries are checked all the same.
    const entries = Array.isArray(body) ? (body as unknown[]) : [body];
    if (req.method !== 'POST') checkVariables(queryParameters(url.searchParams), variablesLimits);
    else
      for (const entry of entries)
        if (typeof entry === 'object' && entry !== null)
          checkVariables(entry as { variables?: unknown; extensions?: unknown }, variablesLimits);
  }
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    headers,
    search: url.search,
    body,
  };
}
