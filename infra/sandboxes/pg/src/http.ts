import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { PgError } from './pg-error.js';

export type Reply =
  | { kind: 'json'; status: number; body: unknown }
  | { kind: 'html'; status: number; html: string }
  | { kind: 'redirect'; location: string };

export function sendReply(res: ServerResponse, reply: Reply): void {
  switch (reply.kind) {
    case 'json':
      res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(reply.body));
      return;
    case 'html':
      res.writeHead(reply.status, { 'content-type': 'text/html; charset=utf-8' });
      res.end(reply.html);
      return;
    case 'redirect':
      // 303: the browser follows a form's POST with a GET of the shop's URL.
      res.writeHead(303, { location: reply.location });
      res.end();
  }
}

const maxBodyBytes = 64 * 1024;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes)
      throw new PgError({ status: 413, code: 'INVALID_REQUEST', message: 'body over 64 KiB' });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req);
  try {
    return JSON.parse(text || '{}');
  } catch {
    throw new PgError({ status: 400, code: 'INVALID_REQUEST', message: 'body is not JSON' });
  }
}

/** An HTML form's fields (application/x-www-form-urlencoded). */
export async function readForm(req: IncomingMessage): Promise<Record<string, string>> {
  return Object.fromEntries(new URLSearchParams(await readBody(req)));
}

/** The input as the schema reads it, or INVALID_REQUEST naming every field that is wrong. */
export function parse<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new PgError({
    status: 400,
    code: 'INVALID_REQUEST',
    message: result.error.issues
      .map((issue) => `${issue.path.join('.') || 'request'}: ${issue.message}`)
      .join('; '),
  });
}
