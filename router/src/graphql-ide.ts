import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentSecurityPolicy } from 'helmet';
import { ruruHTML } from 'ruru/server';
import { serveStatic } from 'ruru/static';

/** Where the router serves the IDE's files: ruru's bundle from node_modules, never a CDN. */
const ideAssetsPath = '/ide/';

/** ruru's page with its defaults (a CDN) replaced by the router's own copy of the bundle. */
function idePage(endpoint: string): string {
  return ruruHTML({
    endpoint,
    staticPath: ideAssetsPath,
    // `explain` and `plan` are Grafast's; the gateway has neither.
    clientConfig: { debugTools: [] },
    htmlParts: { titleTag: '<title>Shop · GraphQL IDE</title>' },
  });
}

/** The page's inline scripts (its config and start-up), allowed by their hashes alone. */
function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)]
    .map(([, body = '']) => body)
    .filter((body) => body.trim() !== '')
    .map((body) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`);
}

/**
 * The IDE's policy instead of the API's `default-src 'none'`: everything from the router
 * itself, inline scripts by hash; styles inline too, since GraphiQL and its editor set them at run
 * time (what the page may load or send stays this origin).
 */
function ideSecurityPolicy(html: string) {
  return contentSecurityPolicy({
    useDefaults: false,
    directives: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'", ...inlineScriptHashes(html)],
      styleSrc: ["'self'", "'unsafe-inline'"],
      fontSrc: ["'self'", 'data:'],
      imgSrc: ["'self'", 'data:'],
      workerSrc: ["'self'"],
      connectSrc: ["'self'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'none'"],
    },
  });
}

/** A browser opening the endpoint, not a GraphQL client (which asks for JSON). */
function wantsPage(req: IncomingMessage): boolean {
  return req.method === 'GET' && (req.headers.accept ?? '').includes('text/html');
}

/**
 * A GraphQL IDE (ruru: GraphiQL 5 with its bundle prebuilt) for development: a browser's GET of
 * `endpoint` gets the page, `/ide/…` its files. Answers the requests it owns and returns true;
 * returns false for every other request, which the router handles as it would without it.
 */
export function graphqlIde(endpoint: string) {
  const page = idePage(endpoint);
  const policy = ideSecurityPolicy(page);
  const serveAsset = serveStatic(ideAssetsPath);
  return (req: IncomingMessage, res: ServerResponse, pathname: string): boolean => {
    if (pathname.startsWith(ideAssetsPath)) {
      // Workers take their policy from their own script's response: the API's would stop them.
      policy(req, res, () => {});
      serveAsset(req, res);
      return true;
    }
    if (pathname !== endpoint || !wantsPage(req)) return false;
    policy(req, res, () => {});
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(page);
    return true;
  };
}
