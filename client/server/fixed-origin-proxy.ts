import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';

/** Per-hop headers (RFC 9110 §7.6.1) and the browser's cookies stay with this hop. */
const notForwarded = new Set([
  'connection',
  'keep-alive',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'cookie',
  'host',
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
]);

function forwardedHeaders(req: IncomingMessage): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(req.headers))
    if (value !== undefined && !notForwarded.has(name)) headers[name] = value;
  // The one address the upstream may trust: the peer this server saw, not what it claimed.
  headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
  return headers;
}

/**
 * Forwards a request to one fixed upstream and streams the answer back. The target is built from
 * the upstream's origin and the request's path and query only, so a request line such as
 * `//other-host:port/…` (an absolute-path reference) can never choose where it goes.
 */
export function fixedOriginProxy(upstream: URL, pathOf: (path: string) => string) {
  return (req: IncomingMessage, res: ServerResponse, path: string, search: string): void => {
    const target = new URL(upstream.origin);
    target.pathname = pathOf(path);
    target.search = search;
    const forwarded = httpRequest(
      target,
      { method: req.method, headers: forwardedHeaders(req) },
      (answer) => {
        const headers = { ...answer.headers };
        delete headers['set-cookie'];
        res.writeHead(answer.statusCode ?? 502, headers);
        answer.pipe(res);
      },
    );
    forwarded.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('upstream unavailable');
    });
    req.pipe(forwarded);
  };
}
