import { HeaderMap, type ApolloServer, type HTTPGraphQLResponse } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../ops/http-response.js';

/** Large enough for a router's batch of entity representations, small enough to refuse abuse. */
const maxBodyBytes = 5 * 1024 * 1024;

/** A request refused before GraphQL runs; answered with `status` and a GraphQL-shaped error. */
export class HttpRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function sendGraphQLError(res: ServerResponse, error: HttpRequestError): void {
  sendJson(res, error.status, {
    errors: [{ message: error.message, extensions: { code: error.code } }],
  });
}

/** The JSON body of a POST, `undefined` for other content types (Apollo then refuses them). */
async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes) {
      throw new HttpRequestError(
        413,
        'PAYLOAD_TOO_LARGE',
        `The body exceeds ${maxBodyBytes} bytes.`,
      );
    }
    chunks.push(chunk);
  }
  const isJson = /^application\/json\b/i.test(req.headers['content-type'] ?? '');
  if (!isJson || size === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpRequestError(400, 'BAD_REQUEST', 'The body is not valid JSON.');
  }
}

function headerMapOf(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

/** Writes Apollo Server's response (a complete body, or chunks for incremental delivery). */
export async function writeGraphQLResponse(
  res: ServerResponse,
  response: HTTPGraphQLResponse,
): Promise<void> {
  for (const [name, value] of response.headers) res.setHeader(name, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/**
 * Runs one HTTP request through Apollo Server: plain `node:http`, no framework. Returns the status
 * sent. CSRF prevention and the refusal of batches are Apollo's; this only reads and writes.
 */
export async function executeGraphQLOverHttp<Context extends object>(
  apollo: ApolloServer<Context>,
  req: IncomingMessage,
  res: ServerResponse,
  context: () => Promise<Context>,
): Promise<number> {
  const url = new URL(req.url ?? '/', 'http://subgraph');
  const response = await apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: {
      method: (req.method ?? 'GET').toUpperCase(),
      headers: headerMapOf(req),
      search: url.search,
      body: await readBody(req),
    },
    context,
  });
  await writeGraphQLResponse(res, response);
  return res.statusCode;
}
