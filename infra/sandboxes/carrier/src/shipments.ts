import { randomInt, randomUUID } from 'node:crypto';

export const trackingSteps = ['PICKED_UP', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'DELIVERED'] as const;
export type TrackingStatus = (typeof trackingSteps)[number];

export interface TrackingEvent {
  eventId: string;
  trackingNumber: string;
  status: TrackingStatus;
  occurredAt: string;
  location: string;
  description: string;
}

export interface CarrierShipment {
  trackingNumber: string;
  carrier: string;
  reference: string;
  webhookUrl: string | undefined;
  events: TrackingEvent[];
}

const places = ['옥천 허브', '대전 터미널', '서울 강남 대리점', '배송지'];
const descriptions: Record<TrackingStatus, string> = {
  PICKED_UP: '집화 처리',
  IN_TRANSIT: '간선 상차',
  OUT_FOR_DELIVERY: '배송 출발',
  DELIVERED: '배송 완료',
};

/** The carrier's shipments, in memory, each advancing one step per tick. */
export class ShipmentBook {
  private readonly shipments = new Map<string, CarrierShipment>();

  /** Registers a shipment once per reference (the shop's order): a repeat returns the first. */
  register(input: {
    carrier: string;
    reference: string;
    webhookUrl?: string;
    trackingNumber?: string;
  }): { shipment: CarrierShipment; created: boolean } {
    const existing = [...this.shipments.values()].find(
      (shipment) => shipment.reference === input.reference,
    );
    if (existing) return { shipment: existing, created: false };
    const shipment: CarrierShipment = {
      trackingNumber:
        input.trackingNumber ??
        String(randomInt(100_000_000, 999_999_999)) + String(randomInt(100, 999)),
      carrier: input.carrier,
      reference: input.reference,
      webhookUrl: input.webhookUrl,
      events: [],
    };
    this.shipments.set(shipment.trackingNumber, shipment);
    return { shipment, created: true };
  }

  find(trackingNumber: string): CarrierShipment | undefined {
    return this.shipments.get(trackingNumber);
  }

  /** Moves the shipment one step on; undefined once it is delivered. */
  advance(shipment: CarrierShipment): TrackingEvent | undefined {
    const status = trackingSteps[shipment.events.length];
    if (!status) return undefined;
    const event: TrackingEvent = {
      eventId: randomUUID(),
      trackingNumber: shipment.trackingNumber,
      status,
      occurredAt: new Date().toISOString(),
      location: places[shipment.events.length]!,
      description: descriptions[status],
    };
    shipment.events.push(event);
    return event;
  }
}
