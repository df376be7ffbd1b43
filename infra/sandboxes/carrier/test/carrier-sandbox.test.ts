import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@shop/testkit';
import {
  isValidSignature,
  signWebhook,
  startCarrierSandbox,
  type RunningCarrierSandbox,
  type TrackingEvent,
} from '../src/index.js';

const secret = 'test-secret';

describe('the carrier sandbox', () => {
  let carrier: RunningCarrierSandbox;
  let receiver: Server;
  let webhookUrl: string;
  const received: { event: TrackingEvent; signed: boolean }[] = [];

  beforeAll(async () => {
    carrier = await startCarrierSandbox({ port: 0, webhookSecret: secret, stepMs: 50 });
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const signature = req.headers['x-carrier-signature'];
        received.push({
          event: JSON.parse(body),
          signed: isValidSignature(
            body,
            typeof signature === 'string' ? signature : undefined,
            secret,
          ),
        });
        res.end('ok');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/carrier`;
  });

  afterAll(async () => {
    await carrier.stop();
    receiver.close();
  });

  const register = (reference: string) =>
    fetch(`${carrier.url}/v1/shipments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ carrier: 'CJ대한통운', reference, webhookUrl }),
    }).then((response) => response.json() as Promise<{ trackingNumber: string }>);

  it('walks a shipment to delivery, with a signed webhook per step, once per reference', async () => {
    const first = await register('order-1');
    expect(await register('order-1')).toEqual(first);
    await waitFor('delivery', () => received.some((r) => r.event.status === 'DELIVERED'), {
      timeoutMs: 5000,
    });
    const mine = received.filter((r) => r.event.trackingNumber === first.trackingNumber);
    expect(mine.map((r) => r.event.status)).toEqual([
      'PICKED_UP',
      'IN_TRANSIT',
      'OUT_FOR_DELIVERY',
      'DELIVERED',
    ]);
    expect(mine.every((r) => r.signed)).toBe(true);
    const lookup = await fetch(`${carrier.url}/v1/shipments/${first.trackingNumber}`);
    const tracking = (await lookup.json()) as { status: string; events: TrackingEvent[] };
    expect(tracking).toMatchObject({ status: 'DELIVERED' });
    expect(tracking.events).toHaveLength(4);
  });

  it('signs so that any change to the body breaks the signature', () => {
    const body = JSON.stringify({ status: 'DELIVERED' });
    expect(isValidSignature(body, signWebhook(body, secret), secret)).toBe(true);
    expect(
      isValidSignature(body.replace('DELIVERED', 'IN_TRANSIT'), signWebhook(body, secret), secret),
    ).toBe(false);
    expect(isValidSignature(body, signWebhook(body, 'other'), secret)).toBe(false);
    expect(isValidSignature(body, undefined, secret)).toBe(false);
  });

  it('refuses bad registrations and unknown tracking numbers', async () => {
    const bad = await fetch(`${carrier.url}/v1/shipments`, {
      method: 'POST',
      body: JSON.stringify({ carrier: '' }),
    });
    expect(bad.status).toBe(400);
    expect((await fetch(`${carrier.url}/v1/shipments/nope`)).status).toBe(404);
  });
});
