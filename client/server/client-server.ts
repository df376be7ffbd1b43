import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import { listen } from '@shop/kit/ops';
import { fixedOriginProxy } from './fixed-origin-proxy.js';
import { setSecurityHeaders } from './security-headers.js';
import { sessionEndpoint } from './session-endpoint.js';

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
  /** Session cookies only over HTTPS (`Secure`): on in production. */
  secureCookies?: boolean;
}

export interface RunningClientServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * The build's files, compressed as the build left them (server/precompress.ts) for a client that
 * takes brotli or gzip, with an app's index.html for any other path when `single` names it.
 */
function staticFiles({ single, cacheControl }: { single?: string; cacheControl: string }) {
  return sirv(clientDist, {
    single,
    etag: true,
    brotli: true,
    gzip: true,
    setHeaders: (res) => res.setHeader('cache-control', cacheControl),
  });
}

/**
 * The storefront (`/`) and the admin dashboard (`/admin/`) from their build, each falling back to
 * its own index.html so client-side routes load; `/graphql` and `/media/` go to the shop, and
 * `/session/…` keeps the apps' sign-in (see session-endpoint.ts). Every answer carries helmet's
 * headers and the apps' Content-Security-Policy.
 */
export async function startClientServer(
  options: ClientServerOptions,
): Promise<RunningClientServer> {
  if (!existsSync(clientManifest))
    throw new Error(
      'the client is not built: run `pnpm client:build` (pnpm start does it for you)',
    );
  // The build names its assets by their content: one never changes, so it is cached for good
  // (and one missing is a 404, never a page). The rest is revalidated on each use.
  const assets = staticFiles({ cacheControl: 'public, max-age=31536000, immutable' });
  const storefront = staticFiles({ single: 'index.html', cacheControl: 'no-cache' });
  const admin = staticFiles({ single: 'admin/index.html', cacheControl: 'no-cache' });
  const config = JSON.stringify({
    graphqlUrl: '/graphql',
    pgCheckoutUrl: options.pgCheckoutUrl,
    pgClientKey: options.pgClientKey,
  });
  const router = new URL(options.routerUrl);
  const toRouter = fixedOriginProxy(router, () => router.pathname);
  const toMedia = fixedOriginProxy(new URL(options.mediaOrigin), (path) => path);
  const session = sessionEndpoint({
    routerUrl: options.routerUrl,
    manifestPath: clientManifest,
    secureCookies: options.secureCookies ?? process.env.NODE_ENV === 'production',
  });
  const server = createServer((req, res) => {
    setSecurityHeaders(req, res);
    // Only the path and query of the request line count: an absolute-form or `//host/…` target
    // names no upstream here.
    const target = URL.parse(req.url ?? '/', 'http://client');
    if (!target) {
      res.writeHead(400, { 'content-type': 'text/plain' });
      return void res.end('bad request target');
    }
    const { pathname: path, search } = target;
    if (path === '/config.json') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(config);
    } else if (path === '/graphql') toRouter(req, res, path, search);
    else if (path.startsWith('/media/')) toMedia(req, res, path, search);
    else if (path.startsWith('/session/')) void session(req, res, path);
    else if (path.startsWith('/assets/')) assets(req, res);
    else if (path === '/admin' || path.startsWith('/admin/')) admin(req, res);
    else storefront(req, res);
  });
  const host = options.host ?? '127.0.0.1';
  const port = await listen(server, options.port, host);
  return {
    url: `http://${host}:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
