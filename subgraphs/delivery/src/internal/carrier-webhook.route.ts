import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Logger } from '@shop/kit';
import type { Orm } from '@shop/kit/db';
import { sendJson } from '@shop/kit/ops';
import type { HttpRoute } from '@shop/kit/server';
import { carrierEventSchema } from '../services/carrier-client.js';
import type { Shipments } from '../services/shipments.js';

function validSignature(
  body: string,
  header: string | string[] | undefined,
  secret: string,
): boolean {
  if (typeof header !== 'string') return false;
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * POST /webhooks/carrier: the carrier's tracking events. The one door into a subgraph that is not
 * the router or a service, so nothing is believed without a valid HMAC signature of the raw body.
 * Duplicates answer 200 like the first delivery, so the carrier stops retrying.
 */
export function carrierWebhookRoute(deps: {
  orm: Orm;
  shipments: Shipments;
  secret: string;
  logger: Logger;
}): HttpRoute {
  return {
    prefix: '/webhooks/carrier',
    handle: async (req, res) => {
      if (req.method !== 'POST') return sendJson(res, 405, { error: 'POST only' });
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of req as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > 64 * 1024) return sendJson(res, 413, { error: 'too large' });
        chunks.push(chunk);
      }
      const body = Buffer.concat(chunks).toString('utf8');
      if (!validSignature(body, req.headers['x-carrier-signature'], deps.secret)) {
        deps.logger.warn(
          { ip: req.socket.remoteAddress },
          'carrier webhook with a bad signature refused',
        );
        return sendJson(res, 401, { error: 'bad signature' });
      }
      let event;
      try {
        event = carrierEventSchema.parse(JSON.parse(body));
      } catch {
        return sendJson(res, 400, { error: 'not a tracking event' });
      }
      const outcome = await deps.shipments.track(deps.orm.em, event);
      sendJson(res, outcome === 'unknown' ? 404 : 200, { outcome });
    },
  };
}
