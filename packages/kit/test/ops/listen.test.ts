import { createServer, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { listen } from '../../src/ops/listen.js';

const host = '127.0.0.1';
const servers: Server[] = [];
const sockets: Socket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((closed) => server.close(closed));
  }
});

function answering(): Server {
  const server = createServer((_request, response) => response.end('answered'));
  servers.push(server);
  return server;
}

/** Connections made while this process is busy: the kernel completes them, the server accepts. */
function connectMany(port: number, count: number): Socket[] {
  const made = Array.from({ length: count }, () => connect(port, host).on('error', () => {}));
  sockets.push(...made);
  return made;
}

function busyFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe('listen', () => {
  // Several sockets per port are Linux's (SO_REUSEPORT); elsewhere one accepts a connection a turn.
  it.skipIf(process.platform !== 'linux')(
    'accepts a burst of new connections many at a time per turn of the event loop',
    async () => {
      const server = answering();
      const port = await listen(server, 0, host);
      let accepted = 0;
      const acceptedInOneTurn = new Promise<number>((resolve) =>
        server.on('connection', () => {
          // The first accept's turn: the rest of its poll phase accepts, then its check phase runs.
          if (accepted++ === 0) setImmediate(() => resolve(accepted));
        }),
      );

      connectMany(port, 64);
      await new Promise((connecting) => process.nextTick(connecting)); // net.connect's own tick
      // The process is busy (a sale's purchases) while the burst arrives; it waits in the kernel.
      busyFor(300);
      // One listening socket accepts one connection per turn.
      expect(await acceptedInOneTurn).toBeGreaterThan(4);
    },
  );

  it('serves HTTP on every connection, whichever socket accepted it', async () => {
    const server = answering();
    const port = await listen(server, 0, host);
    const answers = await Promise.all(
      Array.from({ length: 64 }, () =>
        fetch(`http://${host}:${port}/`, { headers: { connection: 'close' } }).then((response) =>
          response.text(),
        ),
      ),
    );
    expect(answers).toEqual(Array(64).fill('answered'));
  });

  it('refuses a port another server holds, as a plain listen would', async () => {
    const port = await listen(answering(), 0, host);
    await expect(listen(answering(), port, host)).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });

  it('takes no connection once the server closes', async () => {
    const server = answering();
    const port = await listen(server, 0, host);
    servers.splice(servers.indexOf(server), 1);
    await new Promise((closed) => server.close(closed));

    const refusals = await Promise.all(
      connectMany(port, 32).map(
        (socket) =>
          new Promise<string>((resolve) => {
            socket.once('connect', () => resolve('accepted'));
            socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? ''));
          }),
      ),
    );
    expect(new Set(refusals)).toEqual(new Set(['ECONNREFUSED']));
  });
});
