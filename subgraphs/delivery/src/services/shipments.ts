import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { shipmentDeliveredEvent, shipmentShippedEvent } from '@shop/contracts';
import type { EntityManager } from '@shop/kit/db';
import type { Outbox } from '@shop/kit/events';
import { crashPoint } from '@shop/kit/ops';
import { isCarrier } from '../domain/carriers.js';
import { Shipment, shipmentProgress, type ShipmentStatus } from '../domain/shipment.entity.js';
import { TrackingEvent } from '../domain/tracking-event.entity.js';
import { TrackingLookupRefused, type CarrierClient, type CarrierEvent } from './carrier-client.js';
import type { OrderClient } from './order-client.js';

export type ShipOutcome =
  | { kind: 'shipped'; shipment: Shipment }
  | { kind: 'not-found' }
  | { kind: 'unknown-carrier' }
  | { kind: 'not-ready'; status: ShipmentStatus };

/** Carrier statuses as shipment statuses (picked up is the carrier confirming it has it). */
const statusOf: Record<CarrierEvent['status'], ShipmentStatus> = {
  PICKED_UP: 'SHIPPED',
  IN_TRANSIT: 'IN_TRANSIT',
  OUT_FOR_DELIVERY: 'OUT_FOR_DELIVERY',
  DELIVERED: 'DELIVERED',
  FAILED: 'FAILED',
};

/**
 * Shipments of paid orders: created when the order is paid, shipped by an admin through a carrier,
 * moved by the carrier's tracking events. Events are recorded once (unique carrier event id) and
 * only ever move a shipment forward, so duplicates and out-of-order webhooks change nothing.
 */
export class Shipments {
  constructor(
    private readonly deps: { outbox: Outbox; carrier: CarrierClient; orders: OrderClient },
  ) {}

  /** OrderPaid: a parcel to prepare. Once per order. */
  async open(em: EntityManager, orderId: string, userId: string): Promise<void> {
    try {
      await em.fork().insert(Shipment, {
        id: randomUUID(),
        orderId,
        userId,
        status: 'READY',
        createdAt: new Date(),
      });
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
    }
  }

  /** OrderCancelled before shipping: nothing to send. */
  async cancel(em: EntityManager, orderId: string): Promise<void> {
    await em.fork().nativeUpdate(Shipment, { orderId, status: 'READY' }, { status: 'CANCELLED' });
  }

  async ship(
    em: EntityManager,
    orderId: string,
    carrier: string,
    trackingNumber?: string | null,
  ): Promise<ShipOutcome> {
    if (!isCarrier(carrier)) return { kind: 'unknown-carrier' };
    const shipment = await em.fork().findOne(Shipment, { orderId });
    if (!shipment) return { kind: 'not-found' };
    if (shipment.status !== 'READY')
      return shipment.status === 'SHIPPED' && shipment.carrier === carrier
        ? { kind: 'shipped', shipment }
        : { kind: 'not-ready', status: shipment.status };
    // The order must be ours to ship: a cancellation may have claimed it (its OrderCancelled
    // event may not be here yet), and then nothing goes to the carrier.
    if (!(await this.deps.orders.claimForShipping(orderId))) {
      await this.cancel(em, orderId);
      return { kind: 'not-ready', status: 'CANCELLED' };
    }
    crashPoint('delivery.ship.claimed');
    // Registering is idempotent at the carrier (per order), so a retry after a crash is safe.
    const number = await this.deps.carrier.register({
      carrier,
      reference: orderId,
      trackingNumber,
    });
    const shippedAt = new Date();
    await this.deps.outbox.transaction(em.fork(), async (tx) => {
      const changed = await tx.nativeUpdate(
        Shipment,
        { id: shipment.id, status: 'READY' },
        { status: 'SHIPPED', carrier, trackingNumber: number, shippedAt, lastTrackedAt: shippedAt },
      );
      if (changed !== 1) return;
      this.deps.outbox.record(tx, {
        type: shipmentShippedEvent.type,
        subject: orderId,
        data: {
          shipmentId: shipment.id,
          orderId,
          carrier,
          trackingNumber: number,
          shippedAt: shippedAt.toISOString(),
        },
      });
    });
    const current = await em.fork().findOneOrFail(Shipment, { id: shipment.id });
    return current.status === 'READY'
      ? { kind: 'not-ready', status: current.status }
      : { kind: 'shipped', shipment: current };
  }

  /** A tracking event (webhook or poll): recorded once; moves the shipment forward only. */
  async track(
    em: EntityManager,
    event: CarrierEvent,
  ): Promise<'applied' | 'duplicate' | 'unknown'> {
    const shipment = await em.fork().findOne(Shipment, { trackingNumber: event.trackingNumber });
    if (!shipment) return 'unknown';
    const status = statusOf[event.status];
    try {
      await this.deps.outbox.transaction(em.fork(), async (tx) => {
        await tx.insert(TrackingEvent, {
          shipmentId: shipment.id,
          carrierEventId: event.eventId,
          status,
          occurredAt: new Date(event.occurredAt),
          location: event.location,
          description: event.description,
        });
        const behind = Object.entries(shipmentProgress)
          .filter(([, rank]) => rank < shipmentProgress[status])
          .map(([name]) => name as ShipmentStatus);
        const delivered = status === 'DELIVERED' ? { deliveredAt: new Date(event.occurredAt) } : {};
        const moved = await tx.nativeUpdate(
          Shipment,
          { id: shipment.id, status: { $in: behind } },
          { status, lastTrackedAt: new Date(), ...delivered },
        );
        if (moved === 1 && status === 'DELIVERED')
          this.deps.outbox.record(tx, {
            type: shipmentDeliveredEvent.type,
            subject: shipment.orderId,
            data: {
              shipmentId: shipment.id,
              orderId: shipment.orderId,
              deliveredAt: event.occurredAt,
            },
          });
      });
      return 'applied';
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) return 'duplicate';
      throw error;
    }
  }

  /**
   * The polling fallback: shipments on their way not heard of for `staleMs`, stalest first, looked
   * up. A number the carrier refuses (unknown, expired) is counted and waits its turn again, so one
   * parcel cannot hold up every other; a carrier that cannot answer fails the run, and the next
   * tick tries again.
   */
  async poll(em: EntityManager, staleMs: number): Promise<{ applied: number; refused: number }> {
    const stale = await em.fork().find(
      Shipment,
      {
        status: { $in: ['SHIPPED', 'IN_TRANSIT', 'OUT_FOR_DELIVERY'] },
        lastTrackedAt: { $lt: new Date(Date.now() - staleMs) },
      },
      { limit: 100, orderBy: { lastTrackedAt: 'asc' } },
    );
    let applied = 0;
    let refused = 0;
    for (const shipment of stale) {
      let events: CarrierEvent[] = [];
      try {
        events = await this.deps.carrier.track(shipment.trackingNumber!);
      } catch (error) {
        if (!(error instanceof TrackingLookupRefused)) throw error;
        refused++;
      }
      for (const event of events) if ((await this.track(em, event)) === 'applied') applied++;
      await em.fork().nativeUpdate(Shipment, { id: shipment.id }, { lastTrackedAt: new Date() });
    }
    return { applied, refused };
  }
}
