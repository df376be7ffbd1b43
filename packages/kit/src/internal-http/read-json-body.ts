import type { IncomingMessage } from 'node:http';
import { InternalProblem } from './internal-problem.js';

/** The request's JSON body (`undefined` when empty), refusing bodies over `maxBytes`. */
export async function readJsonBody(request: IncomingMessage, maxBytes: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      throw new InternalProblem(413, 'PAYLOAD_TOO_LARGE', `the body exceeds ${maxBytes} bytes`);
    }
    chunks.push(chunk);
  }
  if (size === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new InternalProblem(400, 'BAD_REQUEST', 'the body is not valid JSON');
  }
}
