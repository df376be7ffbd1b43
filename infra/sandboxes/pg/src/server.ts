import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { PaymentBook } from './payments.js';
import { createRequestHandler } from './routes.js';

/** Not 4190: that one is on the Fetch standard's bad-port list, which browsers and Node refuse. */
export const defaultPgSandboxPort = 4192;

const optionsSchema = z.object({
  /** 0: any free port (tests). */
  port: z.number().int().min(0).max(65_535).default(defaultPgSandboxPort),
  host: z.string().min(1).default('127.0.0.1'),
  /** The merchant's API key: Basic auth user name on every /v1/payments and settlement call. */
  secretKey: z.string().min(1).default('test_sk_sandbox'),
  /** The key the shop opens the checkout page with. */
  clientKey: z.string().min(1).default('test_ck_sandbox'),
  /** How late a TIMEOUT card's confirmation answers: longer than the shop's PG timeout. */
  timeoutDelayMs: z.number().int().nonnegative().default(10_000),
  /** How long an authorisation waits for its confirmation before it EXPIRES (Toss: 10 minutes). */
  authorizationTtlMs: z
    .number()
    .int()
    .positive()
    .default(10 * 60_000),
});

export type PgSandboxOptions = z.input<typeof optionsSchema> & {
  /** The sandbox's clock, in milliseconds: when it approves, cancels and expires (tests pin it). */
  now?: () => number;
};

export interface RunningPgSandbox {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** A PG sandbox on its own port: the shop's payment adapter talks to it as to the real PG. */
export async function startPgSandbox(options: PgSandboxOptions = {}): Promise<RunningPgSandbox> {
  const parsed = optionsSchema.safeParse(options);
  if (!parsed.success) throw new Error(`PG sandbox options: ${z.prettifyError(parsed.error)}`);
  const { port, host, authorizationTtlMs, ...keysAndDelay } = parsed.data;
  const stopping = new AbortController();
  const handle = createRequestHandler(new PaymentBook(authorizationTtlMs, options.now), {
    ...keysAndDelay,
    stopping: stopping.signal,
  });
  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}`,
    port: bound,
    stop: () =>
      new Promise((resolve) => {
        stopping.abort();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
