import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { ShipmentBook, type CarrierShipment, type TrackingEvent } from './shipments.js';
import { signWebhook } from './signature.js';

export const defaultCarrierSandboxPort = 4191;

export interface RunningCarrierSandbox {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface CarrierSandboxOptions {
  port?: number;
  host?: string;
  /** Signs webhooks (HMAC-SHA256); the shop verifies with the same secret. */
  webhookSecret?: string;
  /** How long each tracking step takes. */
  stepMs?: number;
}

const registerSchema = z.object({
  carrier: z.string().min(1).max(50),
  reference: z.string().min(1).max(100),
  /** Absent: nobody is told; the parcel can still be looked up. */
  webhookUrl: z.url().optional(),
  trackingNumber: z
    .string()
    .regex(/^[0-9A-Z-]{6,30}$/)
    .optional(),
});

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

/**
 * A carrier (택배사) sandbox: register a shipment with a webhook URL; it then advances a step every
 * `stepMs` (picked up → in transit → out for delivery → delivered), posting each step as a signed
 * webhook (retried a few times), and answers tracking lookups — the shop's polling fallback.
 */
export async function startCarrierSandbox(
  options: CarrierSandboxOptions = {},
): Promise<RunningCarrierSandbox> {
  const secret = options.webhookSecret ?? 'carrier_webhook_secret';
  const stepMs = options.stepMs ?? 5_000;
  const book = new ShipmentBook();
  const timers = new Set<NodeJS.Timeout>();

  async function deliver(
    shipment: CarrierShipment,
    event: TrackingEvent,
    attempt = 1,
  ): Promise<void> {
    if (!shipment.webhookUrl) return;
    const body = JSON.stringify(event);
    try {
      const response = await fetch(shipment.webhookUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-carrier-signature': signWebhook(body, secret),
        },
        body,
        signal: AbortSignal.timeout(3000),
      });
      if (!response.ok && response.status >= 500)
        throw new Error(`webhook answered ${response.status}`);
    } catch {
      // The shop may be down: try again a little later, a few times; polling covers the rest.
      if (attempt < 5) schedule(() => deliver(shipment, event, attempt + 1), 200 * 2 ** attempt);
    }
  }

  function schedule(work: () => Promise<void> | void, delay: number) {
    const timer = setTimeout(() => {
      timers.delete(timer);
      void work();
    }, delay);
    timers.add(timer);
  }

  function tick(shipment: CarrierShipment) {
    const event = book.advance(shipment);
    if (!event) return;
    void deliver(shipment, event);
    schedule(() => tick(shipment), stepMs);
  }

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://carrier');
      try {
        if (req.method === 'POST' && url.pathname === '/v1/shipments') {
          const parsed = registerSchema.safeParse(await readBody(req));
          if (!parsed.success)
            return send(res, 400, { code: 'INVALID_REQUEST', message: parsed.error.message });
          const { shipment, created } = book.register(parsed.data);
          if (created) schedule(() => tick(shipment), stepMs);
          return send(res, 200, {
            trackingNumber: shipment.trackingNumber,
            carrier: shipment.carrier,
          });
        }
        const tracking = /^\/v1\/shipments\/([^/]+)$/.exec(url.pathname);
        if (req.method === 'GET' && tracking) {
          const shipment = book.find(decodeURIComponent(tracking[1]!));
          if (!shipment)
            return send(res, 404, { code: 'NOT_FOUND', message: 'no such tracking number' });
          return send(res, 200, {
            trackingNumber: shipment.trackingNumber,
            status: shipment.events.at(-1)?.status ?? 'REGISTERED',
            events: shipment.events,
          });
        }
        send(res, 404, { code: 'NOT_FOUND', message: `no route ${req.method} ${url.pathname}` });
      } catch (error) {
        send(res, 400, { code: 'INVALID_REQUEST', message: String(error) });
      }
    })();
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? defaultCarrierSandboxPort, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    port,
    stop: () =>
      new Promise((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
