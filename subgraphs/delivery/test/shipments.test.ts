import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Orm } from '@shop/kit/db';
import { Outbox, OutboxEvent } from '@shop/kit/events';
import { createTestDatabase, type TestDatabase } from '@shop/testkit';
import { describeOnEachDatabase } from '@shop/testkit/each-database';
import { deliveryEntities } from '../src/domain/entities.js';
import { Shipment, shipmentStatuses, type ShipmentStatus } from '../src/domain/shipment.entity.js';
import { ShipmentNotReady } from '../src/schema/shipment.type.js';
import {
  TrackingLookupRefused,
  type CarrierClient,
  type CarrierEvent,
} from '../src/services/carrier-client.js';
import type { OrderClient } from '../src/services/order-client.js';
import { Shipments } from '../src/services/shipments.js';

type CarrierStatus = CarrierEvent['status'];
const carrierStatuses: CarrierStatus[] = [
  'PICKED_UP',
  'IN_TRANSIT',
  'OUT_FOR_DELIVERY',
  'DELIVERED',
  'FAILED',
];

/**
 * Where each carrier report takes a shipment in each status: only ever forward. PICKED_UP is the
 * carrier confirming the SHIPPED it already is; DELIVERED, FAILED and CANCELLED are final.
 */
const after: Record<ShipmentStatus, Record<CarrierStatus, ShipmentStatus>> = {
  READY: {
    PICKED_UP: 'SHIPPED',
    IN_TRANSIT: 'IN_TRANSIT',
    OUT_FOR_DELIVERY: 'OUT_FOR_DELIVERY',
    DELIVERED: 'DELIVERED',
    FAILED: 'FAILED',
  },
  SHIPPED: {
    PICKED_UP: 'SHIPPED',
    IN_TRANSIT: 'IN_TRANSIT',
    OUT_FOR_DELIVERY: 'OUT_FOR_DELIVERY',
    DELIVERED: 'DELIVERED',
    FAILED: 'FAILED',
  },
  IN_TRANSIT: {
    PICKED_UP: 'IN_TRANSIT',
    IN_TRANSIT: 'IN_TRANSIT',
    OUT_FOR_DELIVERY: 'OUT_FOR_DELIVERY',
    DELIVERED: 'DELIVERED',
    FAILED: 'FAILED',
  },
  OUT_FOR_DELIVERY: {
    PICKED_UP: 'OUT_FOR_DELIVERY',
    IN_TRANSIT: 'OUT_FOR_DELIVERY',
    OUT_FOR_DELIVERY: 'OUT_FOR_DELIVERY',
    DELIVERED: 'DELIVERED',
    FAILED: 'FAILED',
  },
  DELIVERED: {
    PICKED_UP: 'DELIVERED',
    IN_TRANSIT: 'DELIVERED',
    OUT_FOR_DELIVERY: 'DELIVERED',
    DELIVERED: 'DELIVERED',
    FAILED: 'DELIVERED',
  },
  FAILED: {
    PICKED_UP: 'FAILED',
    IN_TRANSIT: 'FAILED',
    OUT_FOR_DELIVERY: 'FAILED',
    DELIVERED: 'FAILED',
    FAILED: 'FAILED',
  },
  CANCELLED: {
    PICKED_UP: 'CANCELLED',
    IN_TRANSIT: 'CANCELLED',
    OUT_FOR_DELIVERY: 'CANCELLED',
    DELIVERED: 'CANCELLED',
    FAILED: 'CANCELLED',
  },
};

const reports = shipmentStatuses.flatMap((from) =>
  carrierStatuses.map((report) => ({ from, report, to: after[from][report] })),
);

/**
 * A carrier that hands out tracking numbers and answers lookups from `tracks`, refusing the numbers
 * in `refused` (as an unknown number is) and every lookup while `down`; calls noted.
 */
function fakeCarrier() {
  const registered: { carrier: string; reference: string }[] = [];
  const tracks = new Map<string, CarrierEvent[]>();
  const refused = new Set<string>();
  const state = { down: false };
  const carrier = {
    register: (input: { carrier: string; reference: string; trackingNumber?: string | null }) => {
      registered.push({ carrier: input.carrier, reference: input.reference });
      return Promise.resolve(input.trackingNumber ?? `CJ${randomUUID().slice(0, 12)}`);
    },
    track: (trackingNumber: string) => {
      if (state.down) return Promise.reject(new Error('carrier unreachable'));
      if (refused.has(trackingNumber))
        return Promise.reject(new TrackingLookupRefused(trackingNumber, 404));
      return Promise.resolve(tracks.get(trackingNumber) ?? []);
    },
  } as unknown as CarrierClient;
  return { carrier, registered, tracks, refused, state };
}

/** order's claim for shipping: granted unless a cancellation claimed the order first. */
function fakeOrders() {
  const cancelling = new Set<string>();
  const claimed: string[] = [];
  const orders = {
    claimForShipping: (orderId: string) => {
      claimed.push(orderId);
      return Promise.resolve(!cancelling.has(orderId));
    },
  } as unknown as OrderClient;
  return { orders, cancelling, claimed };
}

const report = (
  trackingNumber: string,
  status: CarrierStatus,
  occurredAt = '2026-12-05T09:00:00.000Z',
): CarrierEvent => ({
  eventId: randomUUID(),
  trackingNumber,
  status,
  occurredAt,
  location: '대전 허브',
  description: status,
});

describe('ShipmentNotReady: what shipOrder answers when it cannot ship', () => {
  it('names the status of a shipment not READY, or says there is none', () => {
    expect(new ShipmentNotReady('DELIVERED')).toMatchObject({
      errorCode: 'SHIPMENT_NOT_READY',
      message: 'The shipment is DELIVERED.',
      status: 'DELIVERED',
    });
    expect(new ShipmentNotReady(null)).toMatchObject({
      errorCode: 'SHIPMENT_NOT_FOUND',
      message: 'No shipment for this order (is it paid?).',
      status: null,
    });
  });
});

describeOnEachDatabase('shipments on $name', (kind) => {
  let database: TestDatabase;
  let orm: Orm;
  const { carrier, registered, tracks, refused, state } = fakeCarrier();
  const { orders, cancelling, claimed } = fakeOrders();
  const shipments = new Shipments({ outbox: new Outbox('delivery'), carrier, orders });

  beforeAll(async () => {
    database = await createTestDatabase(kind, 'delivery_shipments');
    orm = await openDatabase({ config: database.config, entities: deliveryEntities });
    await orm.schema.update();
  });
  afterAll(async () => {
    await orm.close();
    await database.drop();
  });
  beforeEach(() => {
    registered.length = 0;
    claimed.length = 0;
  });

  const shipmentOf = (orderId: string) => orm.em.fork().findOneOrFail(Shipment, { orderId });

  /** The events recorded for the order, oldest first. */
  async function eventsOf(orderId: string) {
    const rows = await orm.em
      .fork()
      .find(OutboxEvent, { key: orderId }, { orderBy: { id: 'asc' } });
    return rows.map((row) => {
      const { type, data } = JSON.parse(row.envelope) as { type: string; data: unknown };
      return { type, data };
    });
  }

  /** A paid order's shipment, moved straight to `status` with a tracking number of its own. */
  async function shipmentIn(status: ShipmentStatus) {
    const orderId = randomUUID();
    await shipments.open(orm.em, orderId, randomUUID());
    const trackingNumber = `CJ${randomUUID().slice(0, 12)}`;
    await orm.em
      .fork()
      .nativeUpdate(
        Shipment,
        { orderId },
        { status, carrier: 'CJ대한통운', trackingNumber, lastTrackedAt: new Date() },
      );
    return { orderId, trackingNumber };
  }

  describe('opening (OrderPaid) and cancelling (OrderCancelled)', () => {
    it('opens one READY shipment per order, however often told', async () => {
      const orderId = randomUUID();
      const userId = randomUUID();
      await shipments.open(orm.em, orderId, userId);
      await shipments.open(orm.em, orderId, userId);
      expect(await orm.em.fork().find(Shipment, { orderId })).toEqual([
        expect.objectContaining({ orderId, userId, status: 'READY', trackingNumber: null }),
      ]);
    });

    it('READY → CANCELLED', async () => {
      const orderId = randomUUID();
      await shipments.open(orm.em, orderId, randomUUID());
      await shipments.cancel(orm.em, orderId);
      expect((await shipmentOf(orderId)).status).toBe('CANCELLED');
    });

    it.each(['SHIPPED', 'IN_TRANSIT', 'DELIVERED'] as const)(
      'a %s shipment is not cancelled',
      async (status) => {
        const { orderId } = await shipmentIn(status);
        await shipments.cancel(orm.em, orderId);
        expect((await shipmentOf(orderId)).status).toBe(status);
      },
    );
  });

  describe('shipping (shipOrder)', () => {
    it('READY → SHIPPED with the carrier and its tracking number, announced once', async () => {
      const orderId = randomUUID();
      await shipments.open(orm.em, orderId, randomUUID());
      const first = await shipments.ship(orm.em, orderId, 'CJ대한통운', '600012345678');
      const again = await shipments.ship(orm.em, orderId, 'CJ대한통운', '600012345678');
      expect(first).toEqual({
        kind: 'shipped',
        shipment: expect.objectContaining({
          status: 'SHIPPED',
          carrier: 'CJ대한통운',
          trackingNumber: '600012345678',
        }),
      });
      expect(again.kind).toBe('shipped');
      expect(claimed).toEqual([orderId]);
      expect(registered).toEqual([{ carrier: 'CJ대한통운', reference: orderId }]);
      expect(await eventsOf(orderId)).toEqual([
        {
          type: 'ShipmentShipped',
          data: expect.objectContaining({ orderId, trackingNumber: '600012345678' }),
        },
      ]);
    });

    it('an order a cancellation claimed first goes to no carrier, and its shipment is cancelled', async () => {
      const orderId = randomUUID();
      await shipments.open(orm.em, orderId, randomUUID());
      cancelling.add(orderId);
      expect(await shipments.ship(orm.em, orderId, 'CJ대한통운')).toEqual({
        kind: 'not-ready',
        status: 'CANCELLED',
      });
      expect(registered).toEqual([]);
      expect((await shipmentOf(orderId)).status).toBe('CANCELLED');
      expect(await eventsOf(orderId)).toEqual([]);
    });

    it('a carrier the shop has no contract with is refused before anything is claimed', async () => {
      const orderId = randomUUID();
      await shipments.open(orm.em, orderId, randomUUID());
      expect(await shipments.ship(orm.em, orderId, '아무택배')).toEqual({
        kind: 'unknown-carrier',
      });
      expect(registered).toEqual([]);
      expect((await shipmentOf(orderId)).status).toBe('READY');
    });

    it('a shipped parcel is not handed to another carrier', async () => {
      const { orderId } = await shipmentIn('SHIPPED');
      expect(await shipments.ship(orm.em, orderId, '한진택배')).toEqual({
        kind: 'not-ready',
        status: 'SHIPPED',
      });
      expect(registered).toEqual([]);
    });

    it.each(['CANCELLED', 'IN_TRANSIT', 'DELIVERED'] as const)(
      'a %s shipment is not shipped, and the carrier is not asked',
      async (status) => {
        const { orderId } = await shipmentIn(status);
        expect(await shipments.ship(orm.em, orderId, 'CJ대한통운')).toEqual({
          kind: 'not-ready',
          status,
        });
        expect(registered).toEqual([]);
      },
    );

    it('an order with no shipment (not paid) is not found', async () => {
      expect(await shipments.ship(orm.em, randomUUID(), 'CJ대한통운')).toEqual({
        kind: 'not-found',
      });
    });
  });

  describe('tracking: every status and carrier report', () => {
    it.each(reports)('$from + $report → $to', async ({ from, report: status, to }) => {
      const { orderId, trackingNumber } = await shipmentIn(from);
      expect(await shipments.track(orm.em, report(trackingNumber, status))).toBe('applied');
      const shipment = await shipmentOf(orderId);
      expect(shipment.status).toBe(to);
      const delivered = to === 'DELIVERED' && from !== 'DELIVERED';
      expect(shipment.deliveredAt).toEqual(delivered ? new Date('2026-12-05T09:00:00.000Z') : null);
      expect((await eventsOf(orderId)).map((event) => event.type)).toEqual(
        delivered ? ['ShipmentDelivered'] : [],
      );
    });
  });

  describe('tracking: duplicates and strangers', () => {
    it('records a report delivered twice once', async () => {
      const { trackingNumber } = await shipmentIn('SHIPPED');
      const inTransit = report(trackingNumber, 'IN_TRANSIT');
      expect(await shipments.track(orm.em, inTransit)).toBe('applied');
      expect(await shipments.track(orm.em, inTransit)).toBe('duplicate');
    });

    it('announces a delivery once, whatever else arrives after it', async () => {
      const { orderId, trackingNumber } = await shipmentIn('OUT_FOR_DELIVERY');
      await shipments.track(orm.em, report(trackingNumber, 'DELIVERED'));
      await shipments.track(orm.em, report(trackingNumber, 'DELIVERED'));
      await shipments.track(orm.em, report(trackingNumber, 'IN_TRANSIT'));
      expect((await eventsOf(orderId)).map((event) => event.type)).toEqual(['ShipmentDelivered']);
      expect((await shipmentOf(orderId)).status).toBe('DELIVERED');
    });

    it('answers unknown for a tracking number of no shipment', async () => {
      expect(await shipments.track(orm.em, report('NO-SUCH-PARCEL', 'DELIVERED'))).toBe('unknown');
    });
  });

  describe('polling the carrier for parcels not heard of', () => {
    it('looks up the stale parcels on their way and applies what the carrier says', async () => {
      const stale = await shipmentIn('IN_TRANSIT');
      const fresh = await shipmentIn('IN_TRANSIT');
      const done = await shipmentIn('DELIVERED');
      const hourAgo = new Date(Date.now() - 3_600_000);
      for (const { orderId } of [stale, done])
        await orm.em.fork().nativeUpdate(Shipment, { orderId }, { lastTrackedAt: hourAgo });
      for (const { trackingNumber } of [stale, fresh, done])
        tracks.set(trackingNumber, [report(trackingNumber, 'OUT_FOR_DELIVERY')]);

      expect(await shipments.poll(orm.em, 60_000)).toEqual({ applied: 1, refused: 0 });
      expect((await shipmentOf(stale.orderId)).status).toBe('OUT_FOR_DELIVERY');
      expect((await shipmentOf(fresh.orderId)).status).toBe('IN_TRANSIT');
      expect((await shipmentOf(done.orderId)).status).toBe('DELIVERED');
    });

    it('a number the carrier refuses holds up no other parcel; a carrier that is down fails the run', async () => {
      const [unknown, moving] = [await shipmentIn('IN_TRANSIT'), await shipmentIn('IN_TRANSIT')];
      const lastHeard = async (orderId: string, ago: number) =>
        orm.em
          .fork()
          .nativeUpdate(Shipment, { orderId }, { lastTrackedAt: new Date(Date.now() - ago) });
      // The one the carrier does not know is the stalest, so it is looked up first.
      await lastHeard(unknown.orderId, 7_200_000);
      await lastHeard(moving.orderId, 3_600_000);
      refused.add(unknown.trackingNumber);
      tracks.set(moving.trackingNumber, [report(moving.trackingNumber, 'OUT_FOR_DELIVERY')]);

      expect(await shipments.poll(orm.em, 60_000)).toEqual({ applied: 1, refused: 1 });
      expect((await shipmentOf(moving.orderId)).status).toBe('OUT_FOR_DELIVERY');
      // Both were just looked up: neither is due again until it is stale.
      expect(await shipments.poll(orm.em, 60_000)).toEqual({ applied: 0, refused: 0 });

      await lastHeard(moving.orderId, 3_600_000);
      state.down = true;
      try {
        await expect(shipments.poll(orm.em, 60_000)).rejects.toThrow('carrier unreachable');
      } finally {
        state.down = false;
      }
    });
  });
});
