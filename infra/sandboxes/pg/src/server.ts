import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PaymentBook } from './payments.js';
import { createRoutes, type SandboxOptions } from './routes.js';

export interface RunningPgSandbox {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** A PG sandbox on its own port: the shop's payment adapter talks to it as to the real PG. */
export async function startPgSandbox(
  options: Partial<SandboxOptions> & { port?: number; host?: string } = {},
): Promise<RunningPgSandbox> {
  const handle = createRoutes(new PaymentBook(), {
    secretKey: options.secretKey ?? 'test_sk_sandbox',
    timeoutDelayMs: options.timeoutDelayMs ?? 10_000,
  });
  const server = createServer((req, res) => void handle(req, res));
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4190, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    port,
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
