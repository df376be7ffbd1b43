import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
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
  const tooLarge = new RequestRefused({
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    message: `The request body is larger than ${maxBytes} bytes.`,
  });
  if (declared > maxBytes) throw tooLarge;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge;
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

/** A node:http request as Apollo Server's framework-neutral request. */
export async function toGraphQLRequest(
  req: IncomingMessage,
  maxBodyBytes: number,
): Promise<HTTPGraphQLRequest> {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    headers,
    search: new URL(req.url ?? '/', 'http://router').search,
    body: req.method === 'POST' ? await readBody(req, maxBodyBytes) : undefined,
  };
}
