import { z } from 'zod';

export const carrierEventSchema = z.object({
  eventId: z.string().min(1).max(64),
  trackingNumber: z.string().min(1).max(50),
  status: z.enum(['PICKED_UP', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED', 'FAILED']),
  occurredAt: z.iso.datetime(),
  location: z.string().max(100).default(''),
  description: z.string().max(200).default(''),
});
export type CarrierEvent = z.infer<typeof carrierEventSchema>;

const trackingSchema = z.object({ events: z.array(carrierEventSchema) });

/** Answers about the tracking number itself (malformed, unknown, expired), not the carrier's health. */
const refusalsOfTheNumber = new Set([400, 404, 410]);

/** The carrier will not tell about this tracking number: the parcel's trouble, not the carrier's. */
export class TrackingLookupRefused extends Error {
  override readonly name = 'TrackingLookupRefused';
  constructor(
    readonly trackingNumber: string,
    readonly status: number,
  ) {
    super(`the carrier refused to look up ${trackingNumber}: ${status}`);
  }
}

/** The carrier's API: registering a parcel (with where to send webhooks) and looking it up. */
export class CarrierClient {
  constructor(
    private readonly options: { baseUrl: string; webhookUrl: string; timeoutMs: number },
  ) {}

  async register(input: {
    carrier: string;
    reference: string;
    trackingNumber?: string | null;
  }): Promise<string> {
    const response = await fetch(new URL('/v1/shipments', this.options.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        ...input,
        trackingNumber: input.trackingNumber ?? undefined,
        webhookUrl: this.options.webhookUrl,
      }),
      signal: AbortSignal.timeout(this.options.timeoutMs),
    });
    if (!response.ok)
      throw new Error(`carrier refused the shipment: ${response.status} ${await response.text()}`);
    return ((await response.json()) as { trackingNumber: string }).trackingNumber;
  }

  async track(trackingNumber: string): Promise<CarrierEvent[]> {
    const response = await fetch(
      new URL(`/v1/shipments/${encodeURIComponent(trackingNumber)}`, this.options.baseUrl),
      {
        signal: AbortSignal.timeout(this.options.timeoutMs),
      },
    );
    if (refusalsOfTheNumber.has(response.status))
      throw new TrackingLookupRefused(trackingNumber, response.status);
    if (!response.ok) throw new Error(`carrier lookup answered ${response.status}`);
    return trackingSchema.parse(await response.json()).events;
  }
}
