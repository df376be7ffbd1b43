import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import proxyAddr from 'proxy-addr';

/** Whether an address (the socket's, then each `X-Forwarded-For` hop from the right) is a proxy of ours. */
export type TrustedProxy = (address: string, hop: number) => boolean;

/** No proxy: the client is whoever opened the connection. */
export const noTrustedProxy: TrustedProxy = () => false;

/** `SHOP_TRUSTED_PROXIES` (addresses, CIDRs, `loopback`/`linklocal`/`uniquelocal`) as a check. */
export function trustedProxies(list: readonly string[]): TrustedProxy {
  return list.length === 0 ? noTrustedProxy : proxyAddr.compile([...list]);
}

/** `::ffff:203.0.113.5` (an IPv4 client on a dual-stack socket) is `203.0.113.5`. */
function plain(address: string): string {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

/**
 * The client's address, as Express's `trust proxy` finds it (proxy-addr): starting from the
 * socket, each address that is a trusted proxy hands over to the `X-Forwarded-For` entry to its
 * left; the first untrusted one is the client. So a client cannot choose its address: what it
 * writes into the header sits left of what our proxy appends, and is never reached; and from an
 * untrusted peer the header is not read at all. An entry that is not an IP address ends the walk
 * at the last trusted proxy's address.
 */
export function clientAddress(req: IncomingMessage, trust: TrustedProxy): string {
  const chain = proxyAddr.all(req, trust);
  for (let i = chain.length - 1; i >= 0; i--) {
    const address = chain[i];
    if (address && isIP(address)) return plain(address);
  }
  return 'unknown';
}
