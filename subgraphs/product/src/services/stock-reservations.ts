import { UniqueConstraintViolationException } from '@mikro-orm/core';
import {
  stockShortfallEvent,
  type ProductSnapshot,
  type ProductStock,
  type SkuAvailability,
} from '@shop/contracts';
import type { EntityManager } from '@shop/kit/db';
import type { Outbox } from '@shop/kit/events';
import { Reservation, type ReservationStatus } from '../domain/reservation.entity.js';
import { availableUnits, Sku } from '../domain/sku.entity.js';
import { StockMovement } from '../domain/stock-movement.entity.js';
import type { ProductChanges } from './product-changes.js';
import { availableOf, guardedUpdate } from './stock-sql.js';
import { writeTransaction } from './write-transaction.js';

export interface ReservationLine {
  skuId: string;
  quantity: number;
}

export type Unreservable = {
  skuId: string;
  requested: number;
} & (
  | { reason: 'out-of-stock'; available: number }
  | { reason: 'not-for-sale' }
  | { reason: 'unknown-sku' }
);

/** How many of an order's reservations are committed, and how many came short (sold meanwhile). */
export interface CommitOutcome {
  committed: number;
  short: number;
}

export type ReserveOutcome =
  | {
      kind: 'reserved';
      expiresAt: Date;
      /** Each reserved SKU's units left right after this reservation (for order's stock gate). */
      left: SkuAvailability[];
      /**
       * Products whose last unit of a SKU this reservation took, as their ProductChanged says it:
       * order's stock gate closes at once instead of when the event arrives.
       */
      soldOut: ProductStock[];
    }
  | ({ kind: 'unreservable' } & Unreservable);

class LineRefused extends Error {
  constructor(readonly refusal: Unreservable) {
    super(`cannot reserve ${refusal.skuId}: ${refusal.reason}`);
  }
}

/**
 * Stock reservations for orders: reserve (all lines or none), commit on payment (taking the units
 * again if the reservation lapsed first), release on cancellation, expire when unpaid. Each is idempotent per order id and safe under concurrency:
 * the SKU row changes only through conditional updates, the reservation row only from ACTIVE.
 * A SKU whose availability crosses zero republishes its product (the catalog's in-stock filter).
 */
export class StockReservations {
  constructor(
    private readonly options: {
      ttlSeconds: number;
      outbox: Outbox;
      changes: ProductChanges;
      /** Counts units a paid order could not get (`shop_stock_shortfall_units_total`). */
      onShortfall: (units: number) => void;
    },
  ) {}

  async reserve(
    em: EntityManager,
    orderId: string,
    lines: ReservationLine[],
  ): Promise<ReserveOutcome> {
    const expiresAt = new Date(Date.now() + this.options.ttlSeconds * 1000);
    // A fixed order of SKUs: two orders over the same SKUs cannot lock them crosswise.
    const sorted = [...lines].sort((a, b) => a.skuId.localeCompare(b.skuId));
    let published: ProductSnapshot[] = [];
    const left: SkuAvailability[] = [];
    try {
      await writeTransaction(em, this.options.outbox, async (tx) => {
        const soldOut: string[] = [];
        for (const line of sorted) {
          const held = await guardedUpdate(
            tx,
            'update sku set reserved = reserved + ? where id = ? and sellable = ? and on_hand - reserved >= ?',
            [line.quantity, line.skuId, true, line.quantity],
          );
          if (held !== 1) throw new LineRefused(await this.refusalOf(tx, line));
          const after = await availableOf(tx, line.skuId);
          if (after) left.push({ id: line.skuId, available: after.available });
          if (after?.available === 0) soldOut.push(after.productId);
          tx.persist(
            tx.create(Reservation, {
              orderId,
              skuId: line.skuId,
              quantity: line.quantity,
              expiresAt,
            }),
          );
        }
        published = await this.options.changes.publish(tx, soldOut);
      });
    } catch (error) {
      if (!(error instanceof LineRefused || error instanceof UniqueConstraintViolationException))
        throw error;
      // A retry, or the same order reserved twice at once: the first holds the stock (its rows
      // made this one's insert fail, or took the last units). Looked for only now, as retries are
      // rare; the first answer told of any sold-out SKU, and the event tells it again.
      const earlier = await em.fork().findOne(Reservation, { orderId });
      if (earlier) return { kind: 'reserved', expiresAt: earlier.expiresAt, left: [], soldOut: [] };
      if (error instanceof LineRefused) return { kind: 'unreservable', ...error.refusal };
      throw error;
    }
    const soldOut = published.map((product) => ({
      productId: product.id,
      revision: product.revision,
      skus: product.skus.map(({ id, available }) => ({ id, available })),
    }));
    return { kind: 'reserved', expiresAt, left, soldOut };
  }

  /**
   * Payment went through: the reserved units leave the stock for good. A reservation that expired
   * first (product could not be told in time) takes its units again if they are still free, by a
   * guarded update; if they were sold meanwhile it is SHORT, published and counted — the order
   * learns it from the answer. Returns how many of the order's reservations ended in each.
   */
  async commit(em: EntityManager, orderId: string): Promise<CommitOutcome> {
    const reservations = await em.fork().find(Reservation, { orderId });
    let allCommitted = true;
    for (const reservation of reservations) {
      if (reservation.status === 'COMMITTED') continue;
      if (
        reservation.status === 'ACTIVE' &&
        (await this.settleOne(em, reservation, 'ACTIVE', 'COMMITTED', async (tx) => {
          await guardedUpdate(
            tx,
            'update sku set on_hand = on_hand - ?, reserved = reserved - ? where id = ?',
            [reservation.quantity, reservation.quantity, reservation.skuId],
          );
          await this.recordSold(tx, reservation);
        }))
      )
        continue;
      allCommitted = false;
    }
    // The usual payment ends here, on one read; the rest read again what other settlers did.
    if (allCommitted) return { committed: reservations.length, short: 0 };
    // Lapsed first, or by the sweeper meanwhile: the units are taken again while still free.
    await this.settle(em, { orderId }, 'EXPIRED', 'COMMITTED', (tx, reservation) =>
      this.retake(tx, reservation),
    );
    const statuses = await em.fork().find(Reservation, { orderId }, { fields: ['status'] });
    const countOf = (status: ReservationStatus) =>
      statuses.filter((reservation) => reservation.status === status).length;
    return { committed: countOf('COMMITTED'), short: countOf('SHORT') };
  }

  /**
   * A paid order was cancelled before it shipped: its units go back on the shelf and leave the
   * product's sold count.
   */
  restock(em: EntityManager, orderId: string): Promise<number> {
    return this.settle(em, { orderId }, 'COMMITTED', 'RESTOCKED', async (tx, reservation) => {
      await guardedUpdate(tx, 'update sku set on_hand = on_hand + ? where id = ?', [
        reservation.quantity,
        reservation.skuId,
      ]);
      tx.persist(
        tx.create(StockMovement, {
          skuId: reservation.skuId,
          kind: 'RESTOCKED',
          quantity: reservation.quantity,
          reference: orderId,
        }),
      );
      await this.options.changes.soldUnitsBack(tx, reservation.skuId, reservation.quantity);
    });
  }

  /** The order was cancelled or failed: the units are available again. */
  release(em: EntityManager, orderId: string): Promise<number> {
    return this.settle(em, { orderId }, 'ACTIVE', 'RELEASED', (tx, reservation) =>
      this.unhold(tx, reservation),
    );
  }

  /** The sweeper: releases every reservation past its expiry. Returns how many it expired. */
  expireDue(em: EntityManager, now = new Date()): Promise<number> {
    return this.settle(em, { expiresAt: { $lte: now } }, 'ACTIVE', 'EXPIRED', (tx, reservation) =>
      this.unhold(tx, reservation),
    );
  }

  /** How many of an order's reservations (one per SKU) are in `status`. */
  count(em: EntityManager, orderId: string, status: ReservationStatus): Promise<number> {
    return em.fork().count(Reservation, { orderId, status });
  }

  /** The expired reservation's units, if nobody took them meanwhile; else it is SHORT. */
  private async retake(tx: EntityManager, reservation: Reservation): Promise<void> {
    const { quantity, skuId, orderId } = reservation;
    const taken = await guardedUpdate(
      tx,
      'update sku set on_hand = on_hand - ? where id = ? and on_hand - reserved >= ?',
      [quantity, skuId, quantity],
    );
    if (taken === 1) {
      // Units left the shelf outside a reservation: availability moved, so it is published now.
      const productId = await this.recordSold(tx, reservation);
      if (productId) await this.options.changes.publish(tx, [productId]);
      return;
    }
    await tx.nativeUpdate(Reservation, { id: reservation.id }, { status: 'SHORT' });
    const available = (await availableOf(tx, skuId))?.available ?? 0;
    this.options.outbox.record(tx, {
      type: stockShortfallEvent.type,
      version: stockShortfallEvent.version,
      subject: orderId,
      data: { orderId, skuId, requested: quantity, available },
    });
    this.options.onShortfall(quantity);
  }

  /** Returns the product that sold. */
  private async recordSold(
    tx: EntityManager,
    reservation: Reservation,
  ): Promise<string | undefined> {
    tx.persist(
      tx.create(StockMovement, {
        skuId: reservation.skuId,
        kind: 'SOLD',
        quantity: -reservation.quantity,
        reference: reservation.orderId,
      }),
    );
    const sku = await availableOf(tx, reservation.skuId);
    if (!sku) return undefined;
    await this.options.changes.countSale(tx, sku.productId, reservation.quantity);
    return sku.productId;
  }

  private async refusalOf(tx: EntityManager, line: ReservationLine): Promise<Unreservable> {
    const sku = await tx.findOne(Sku, { id: line.skuId }, { refresh: true });
    const base = { skuId: line.skuId, requested: line.quantity };
    if (!sku) return { ...base, reason: 'unknown-sku' };
    if (!sku.sellable) return { ...base, reason: 'not-for-sale' };
    return { ...base, reason: 'out-of-stock', available: availableUnits(sku) };
  }

  private async unhold(tx: EntityManager, reservation: Reservation): Promise<void> {
    await guardedUpdate(tx, 'update sku set reserved = reserved - ? where id = ?', [
      reservation.quantity,
      reservation.skuId,
    ]);
    await this.publishIfBackInStock(tx, reservation);
  }

  private async publishIfBackInStock(tx: EntityManager, reservation: Reservation): Promise<void> {
    const after = await availableOf(tx, reservation.skuId);
    if (after) await this.options.changes.publishIfBackFromZero(tx, after, reservation.quantity);
  }

  /**
   * Moves reservations from one status to the next, each in its own transaction: the status change
   * is conditional, so of two settlers racing for one reservation only one applies its stock effect.
   */
  private async settle(
    em: EntityManager,
    where: { orderId: string } | { expiresAt: { $lte: Date } },
    from: 'ACTIVE' | 'COMMITTED' | 'EXPIRED',
    status: 'COMMITTED' | 'RELEASED' | 'EXPIRED' | 'RESTOCKED',
    effect: (tx: EntityManager, reservation: Reservation) => Promise<void>,
  ): Promise<number> {
    const candidates = await em.fork().find(Reservation, { ...where, status: from });
    let settled = 0;
    for (const reservation of candidates)
      if (await this.settleOne(em, reservation, from, status, (tx) => effect(tx, reservation)))
        settled++;
    return settled;
  }

  /** Whether this settler moved the reservation (and applied its effect), not another one. */
  private settleOne(
    em: EntityManager,
    reservation: Reservation,
    from: 'ACTIVE' | 'COMMITTED' | 'EXPIRED',
    status: 'COMMITTED' | 'RELEASED' | 'EXPIRED' | 'RESTOCKED',
    effect: (tx: EntityManager) => Promise<void>,
  ): Promise<boolean> {
    return writeTransaction(em, this.options.outbox, async (tx) => {
      const changed = await tx.nativeUpdate(
        Reservation,
        { id: reservation.id, status: from },
        { status, settledAt: new Date() },
      );
      if (changed !== 1) return false;
      await effect(tx);
      return true;
    });
  }
}
