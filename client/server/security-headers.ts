import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

/**
 * Helmet's header set for the two apps, with a Content-Security-Policy that allows this origin
 * only: the build has no inline script or style, images and API calls are proxied here, and the
 * PG's checkout is a navigation (not a frame or a script). No page may be framed.
 */
const helmetForApps = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      fontSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  xFrameOptions: { action: 'deny' },
  referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
});

/** Sets the headers on every answer (helmet's middleware runs synchronously). */
export function setSecurityHeaders(req: IncomingMessage, res: ServerResponse): void {
  helmetForApps(req, res, () => {});
}
