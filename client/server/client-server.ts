import { existsSync } from 'node:fs';
import {
  request as httpRequest,
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';

/** Where `pnpm client:build` writes both apps and the persisted-operation manifest. */
export const clientDist = fileURLToPath(new URL('../dist/', import.meta.url));
export const clientManifest = `${clientDist}persisted-query-manifest.json`;
/** Where `pnpm start` serves the storefront and the admin dashboard. */
export const defaultClientPort = 5173;

export interface ClientServerOptions {
  port: number;
  host?: string;
  /** The router's GraphQL endpoint, proxied at `/graphql` so the apps call their own origin. */
  routerUrl: string;
  /** Serves `/media/` (product images): the product subgraph's origin. */
  mediaOrigin: string;
  pgCheckoutUrl: string;
  pgClientKey: string;
}

export interface RunningClientServer {
  url: string;
  stop(): Promise<void>;
}

/** Forwards a request to another origin and streams the answer back. */
function proxy(req: IncomingMessage, res: ServerResponse, target: URL): void {
  const upstream = httpRequest(
    target,
    {
      method: req.method,
      headers: {
        ...req.headers,
        host: target.host,
        'x-forwarded-for': req.socket.remoteAddress ?? '',
      },
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
    res.end('upstream unavailable');
  });
  req.pipe(upstream);
}

/**
 * The storefront (`/`) and the admin dashboard (`/admin/`) from their build, each falling back to
 * its own index.html so client-side routes load; `/graphql` and `/media/` go to the shop.
 */
export async function startClientServer(
  options: ClientServerOptions,
): Promise<RunningClientServer> {
  if (!existsSync(clientManifest))
    throw new Error(
      'the client is not built: run `pnpm client:build` (pnpm start does it for you)',
    );
  const storefront = sirv(clientDist, { single: 'index.html', etag: true });
  const admin = sirv(clientDist, { single: 'admin/index.html', etag: true });
  const config = JSON.stringify({
    graphqlUrl: '/graphql',
    pgCheckoutUrl: options.pgCheckoutUrl,
    pgClientKey: options.pgClientKey,
  });
  const router = new URL(options.routerUrl);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://client').pathname;
    if (path === '/config.json') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(config);
    } else if (path === '/graphql') proxy(req, res, new URL(req.url!, router));
    else if (path.startsWith('/media/')) proxy(req, res, new URL(req.url!, options.mediaOrigin));
    else if (path === '/admin' || path.startsWith('/admin/')) admin(req, res);
    else storefront(req, res);
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${host}:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
