import { readFileSync } from 'node:fs';
import net from 'node:net';

/**
 * The kernel's range for the local ports of outgoing connections. A port from it that is free
 * now can be taken by any new connection (a database pool, a Kafka client) before the service
 * meant to listen on it binds it: EADDRINUSE, seen in CI. So ports are chosen below it.
 */
function ephemeralRangeStart(): number {
  try {
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8')
      .trim()
      .split(/\s+/);
    return Number(low) || 32768;
  } catch {
    return 32768;
  }
}

const lowest = 20000;
const highest = Math.max(lowest + 1000, ephemeralRangeStart()) - 1;
const handedOut = new Set<number>();

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * A TCP port nobody listens on right now, outside the ephemeral range, and never the same one
 * twice in this process (a port handed out may not be bound yet).
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = lowest + Math.floor(Math.random() * (highest - lowest + 1));
    if (handedOut.has(port)) continue;
    if (await canListen(port)) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error(`no free port between ${lowest} and ${highest}: is something holding them all?`);
}
