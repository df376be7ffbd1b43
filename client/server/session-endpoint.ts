import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseCookie, stringifySetCookie } from 'cookie';
import type { SessionFieldsFragment } from '../src/graphql/generated.js';

/**
 * The apps' session, kept by this server (a backend-for-frontend): the refresh token lives in an
 * httpOnly, SameSite=Strict cookie scoped to `/session`, so no script on the page can read it;
 * the page holds only the short-lived access token, in memory. The router's rotation and reuse
 * detection stay as they are: this server only carries the token between browser and router.
 */
export const refreshCookie = 'shop_refresh';
/** Remembers this browser for the sign-in throttle (auth's `deviceToken`). */
export const deviceCookie = 'shop_device';
const cookiePath = '/session';
const maxBodyBytes = 16 * 1024;

interface GraphQLAnswer {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: unknown[];
}

class SessionRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The persisted ids of the session operations, by name, from the apps' manifest. */
function persistedIds(manifestPath: string): Map<string, string> {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    operations: { id: string; name: string }[];
  };
  return new Map(manifest.operations.map((operation) => [operation.name, operation.id]));
}

async function readJsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
    throw new SessionRequestError(415, 'UNSUPPORTED_MEDIA_TYPE', 'send application/json');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes)
      throw new SessionRequestError(413, 'PAYLOAD_TOO_LARGE', 'the request is too large');
    chunks.push(chunk);
  }
  if (size === 0) return {};
  try {
    const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    if (body && typeof body === 'object' && !Array.isArray(body))
      return body as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new SessionRequestError(400, 'BAD_REQUEST', 'the body must be a JSON object');
}

/**
 * Cookies travel with cross-site requests only when SameSite allows it; the Origin check refuses
 * any other site's page outright, should a browser send one anyway.
 */
function assertSameOrigin(req: IncomingMessage): void {
  const { origin, host } = req.headers;
  const site = req.headers['sec-fetch-site'];
  const sameOrigin = origin === undefined || URL.parse(origin)?.host === host;
  if (!sameOrigin || (site !== undefined && site !== 'same-origin'))
    throw new SessionRequestError(403, 'FORBIDDEN', 'sessions are kept for this site only');
}

export function sessionEndpoint(options: {
  routerUrl: string;
  manifestPath: string;
  /** Secure cookies (HTTPS only): on in production. */
  secureCookies: boolean;
}) {
  const ids = persistedIds(options.manifestPath);

  async function run(
    req: IncomingMessage,
    operationName: string,
    variables: Record<string, unknown>,
  ): Promise<GraphQLAnswer> {
    const id = ids.get(operationName);
    if (!id) throw new Error(`the apps' manifest has no ${operationName} operation`);
    const answer = await fetch(options.routerUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': req.socket.remoteAddress ?? '',
      },
      body: JSON.stringify({
        operationName,
        variables,
        extensions: { persistedQuery: { version: 1, sha256Hash: id } },
      }),
    });
    const body = (await answer.json()) as Omit<GraphQLAnswer, 'status'>;
    return { status: answer.status, ...body };
  }

  const cookie = (name: string, value: string, expiresAt: Date) =>
    stringifySetCookie({
      name,
      value,
      path: cookiePath,
      httpOnly: true,
      sameSite: 'strict',
      secure: options.secureCookies,
      expires: expiresAt,
    });

  /** The page's part of a result: a session without its tokens, or the typed error as it is. */
  function forBrowser(
    result: Record<string, unknown> | null | undefined,
    res: ServerResponse,
  ): Record<string, unknown> | null {
    if (!result) return null;
    if (result.__typename !== 'AuthSession') return result;
    const session = result as unknown as SessionFieldsFragment;
    res.appendHeader('set-cookie', [
      cookie(refreshCookie, session.refreshToken, new Date(session.refreshTokenExpiresAt)),
      cookie(
        deviceCookie,
        session.deviceToken,
        new Date(Date.now() + 400 * 24 * 3600 * 1000), // browsers cap cookies at 400 days
      ),
    ]);
    // A lifetime rather than an instant: the page times its refresh by its own clock, however wrong.
    const expiresIn = (Date.parse(session.accessTokenExpiresAt) - Date.now()) / 1000;
    return {
      __typename: 'AuthSession',
      userId: session.userId,
      accessToken: session.accessToken,
      accessTokenExpiresIn: Math.max(0, Math.floor(expiresIn)),
    };
  }

  const clearRefreshCookie = (res: ServerResponse) =>
    res.appendHeader('set-cookie', cookie(refreshCookie, '', new Date(0)));

  function send(res: ServerResponse, status: number, body: unknown) {
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  }

  /** One operation's answer: its typed result, or the router's errors with its status. */
  function answer(res: ServerResponse, outcome: GraphQLAnswer, field: string) {
    const result = outcome.data?.[field] as Record<string, unknown> | null | undefined;
    if (outcome.errors?.length || result === undefined)
      return send(res, outcome.status >= 400 ? outcome.status : 502, {
        errors: outcome.errors ?? [],
      });
    send(res, 200, { result: forBrowser(result, res) });
  }

  const actions: Record<string, (req: IncomingMessage, res: ServerResponse) => Promise<void>> = {
    async 'sign-in'(req, res) {
      const { email, password } = await readJsonBody(req);
      const deviceToken = parseCookie(req.headers.cookie ?? '')[deviceCookie];
      answer(res, await run(req, 'LogIn', { input: { email, password, deviceToken } }), 'login');
    },
    async 'sign-up'(req, res) {
      const { name, email, password } = await readJsonBody(req);
      answer(res, await run(req, 'SignUp', { input: { name, email, password } }), 'signUp');
    },
    async refresh(req, res) {
      await readJsonBody(req);
      const refreshToken = parseCookie(req.headers.cookie ?? '')[refreshCookie];
      if (!refreshToken) return send(res, 200, { result: null });
      const outcome = await run(req, 'RefreshSession', { refreshToken });
      const result = outcome.data?.refreshToken as { __typename?: string } | undefined;
      // A token the router refused (expired, revoked, reused) is of no further use.
      if (result && result.__typename !== 'AuthSession') clearRefreshCookie(res);
      answer(res, outcome, 'refreshToken');
    },
    async 'sign-out'(req, res) {
      await readJsonBody(req);
      const refreshToken = parseCookie(req.headers.cookie ?? '')[refreshCookie];
      clearRefreshCookie(res);
      if (!refreshToken) return send(res, 200, { result: false });
      const outcome = await run(req, 'LogOut', { refreshToken });
      send(res, 200, { result: outcome.data?.logout === true });
    },
  };

  /** Serves `/session/<action>`; true when the path was one of them. */
  return async (req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> => {
    if (!path.startsWith(`${cookiePath}/`)) return false;
    const action = actions[path.slice(cookiePath.length + 1)];
    try {
      if (!action) throw new SessionRequestError(404, 'NOT_FOUND', 'no such session action');
      if (req.method !== 'POST')
        throw new SessionRequestError(405, 'METHOD_NOT_ALLOWED', 'use POST');
      assertSameOrigin(req);
      await action(req, res);
    } catch (error) {
      const refusal =
        error instanceof SessionRequestError
          ? error
          : new SessionRequestError(502, 'UPSTREAM_UNAVAILABLE', 'the shop did not answer');
      send(res, refusal.status, {
        errors: [{ message: refusal.message, extensions: { code: refusal.code } }],
      });
    }
    return true;
  };
}
