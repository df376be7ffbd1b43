import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/** `::ffff:203.0.113.5` (an IPv4 client on a dual-stack socket) is `203.0.113.5`. */
function plain(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

/**
 * The client's address: the socket's, or — only behind a proxy we run (`SHOP_TRUST_PROXY`) — the
 * left-most `X-Forwarded-For` entry, if it is an IP address at all.
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const header = req.headers['x-forwarded-for'];
    const first = (Array.isArray(header) ? header[0] : header)?.split(',')[0]?.trim();
    if (first && isIP(first)) return plain(first);
  }
  return plain(req.socket.remoteAddress ?? 'unknown');
}
