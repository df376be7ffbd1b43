import type { Server } from 'node:http';
import { createServer, type AddressInfo, type Server as NetServer } from 'node:net';

/**
 * Connections the kernel holds for the process to accept (it caps this at its own `somaxconn`):
 * well over Node's 511, so a burst of new buyers (a sale opening) waits its turn while the process
 * is busy instead of being dropped (a connect timeout) or reset.
 */
const acceptBacklog = 4096;

/**
 * Listening sockets per port. libuv accepts one connection per listening socket per turn of the
 * event loop, and a busy shop's turn takes tens of milliseconds: one socket took a sale's opening
 * burst of new buyers at a few dozen a second while they waited in the kernel's queue for seconds,
 * though the process answered every request it had read within a few hundred milliseconds. Several
 * sockets on the port (SO_REUSEPORT: Linux spreads new connections among them) accept as many per
 * turn. Elsewhere one.
 */
const socketsPerPort = process.platform === 'linux' ? 16 : 1;

/**
 * Starts listening and resolves with the port actually bound (port 0 picks a free one). Besides
 * the server's own socket, further sockets on the same port hand what they accept to the server,
 * and close when it does.
 */
export async function listen(server: Server, port: number, host: string): Promise<number> {
  if (socketsPerPort === 1) return bind(server, port, host, false);
  // SO_REUSEPORT would also let a second shop on the same port share it without a word: the port
  // must be free first.
  if (port !== 0) {
    const probe = createServer();
    await bind(probe, port, host, false);
    await new Promise((closed) => probe.close(closed));
  }
  const bound = await bind(server, port, host, true);
  const acceptors = await Promise.all(
    Array.from({ length: socketsPerPort - 1 }, () => {
      const acceptor = createServer((socket) => server.emit('connection', socket));
      return bind(acceptor, bound, host, true).then(() => acceptor);
    }),
  );
  const close = server.close.bind(server);
  server.close = (callback) => {
    for (const acceptor of acceptors) acceptor.close();
    return close(callback);
  };
  return bound;
}

function bind(server: NetServer, port: number, host: string, reusePort: boolean): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host, backlog: acceptBacklog, reusePort }, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}
