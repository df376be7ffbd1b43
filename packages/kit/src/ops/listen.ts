import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Connections the kernel holds for the process to accept (it caps this at its own `somaxconn`):
 * well over Node's 511, so a burst of new buyers (a sale opening) waits its turn while the process
 * is busy instead of being dropped (a connect timeout) or reset.
 */
const acceptBacklog = 4096;

/** Starts listening and resolves with the port actually bound (port 0 picks a free one). */
export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, acceptBacklog, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
