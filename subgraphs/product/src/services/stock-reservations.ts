import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@shop/kit/db';
import { Reservation } from '../domain/reservation.entity.js';
import { StockMovement } from '../domain/stock-movement.entity.js';
import { guardedUpdate } from './stock-sql.js';

export interface ReservationLine {
  skuId: string;
  quantity: number;
}

export type ReserveOutcome =
  | { kind: 'reserved'; expiresAt: Date }
  | { kind: 'out-of-stock'; skuId: string; requested: number };

class OutOfStock extends Error {
  constructor(
    readonly skuId: string,
    readonly requested: number,
  ) {
    super(`not enough stock of ${skuId}`);
  }
}

/**
 * Stock reservations for orders: reserve (all lines or none), commit on payment, release on
 * cancellation, expire when unpaid. Each is idempotent per order id and safe under concurrency:
 * the SKU row changes only through conditional updates, the reservation row only from ACTIVE.
 */
export class StockReservations {
  constructor(private readonly ttlSeconds: number) {}

  async reserve(
    em: EntityManager,
    orderId: string,
    lines: ReservationLine[],
  ): Promise<ReserveOutcome> {
    const existing = await em.fork().find(Reservation, { orderId });
    if (existing.length > 0) return { kind: 'reserved', expiresAt: existing[0]!.expiresAt };
    const expiresAt = new Date(Date.now() + this.ttlSeconds * 1000);
    // A fixed order of SKUs: two orders over the same SKUs cannot lock them crosswise.
    const sorted = [...lines].sort((a, b) => a.skuId.localeCompare(b.skuId));
    try {
      await em.fork().transactional(async (tx) => {
        for (const line of sorted) {
          const held = await guardedUpdate(
            tx,
            'update sku set reserved = reserved + ? where id = ? and on_hand - reserved >= ?',
            [line.quantity, line.skuId, line.quantity],
          );
          if (held !== 1) throw new OutOfStock(line.skuId, line.quantity);
          tx.persist(
            tx.create(Reservation, {
              orderId,
              skuId: line.skuId,
              quantity: line.quantity,
              expiresAt,
            }),
          );
        }
      });
    } catch (error) {
      if (error instanceof OutOfStock)
        return { kind: 'out-of-stock', skuId: error.skuId, requested: error.requested };
      // The same order reserved twice at once: the other request holds the stock.
      if (error instanceof UniqueConstraintViolationException)
        return this.reserve(em, orderId, lines);
      throw error;
    }
    return { kind: 'reserved', expiresAt };
  }

  /** Payment went through: the reserved units leave the stock for good. */
  commit(em: EntityManager, orderId: string): Promise<number> {
    return this.settle(em, { orderId }, 'COMMITTED', async (tx, reservation) => {
      await guardedUpdate(
        tx,
        'update sku set on_hand = on_hand - ?, reserved = reserved - ? where id = ?',
        [reservation.quantity, reservation.quantity, reservation.skuId],
      );
      tx.persist(
        tx.create(StockMovement, {
          skuId: reservation.skuId,
          kind: 'SOLD',
          quantity: -reservation.quantity,
          reference: orderId,
        }),
      );
    });
  }

  /** The order was cancelled or failed: the units are available again. */
  release(em: EntityManager, orderId: string): Promise<number> {
    return this.settle(em, { orderId }, 'RELEASED', (tx, reservation) =>
      this.unhold(tx, reservation),
    );
  }

  /** The sweeper: releases every reservation past its expiry. Returns how many it expired. */
  expireDue(em: EntityManager, now = new Date()): Promise<number> {
    return this.settle(em, { expiresAt: { $lte: now } }, 'EXPIRED', (tx, reservation) =>
      this.unhold(tx, reservation),
    );
  }

  private async unhold(tx: EntityManager, reservation: Reservation): Promise<void> {
    await guardedUpdate(tx, 'update sku set reserved = reserved - ? where id = ?', [
      reservation.quantity,
      reservation.skuId,
    ]);
  }

  /**
   * Moves ACTIVE reservations to a final status, each in its own transaction: the status change is
   * conditional, so of two settlers racing for one reservation only one applies its stock effect.
   */
  private async settle(
    em: EntityManager,
    where: { orderId: string } | { expiresAt: { $lte: Date } },
    status: 'COMMITTED' | 'RELEASED' | 'EXPIRED',
    effect: (tx: EntityManager, reservation: Reservation) => Promise<void>,
  ): Promise<number> {
    const candidates = await em.fork().find(Reservation, { ...where, status: 'ACTIVE' });
    let settled = 0;
    for (const reservation of candidates) {
      const won = await em.fork().transactional(async (tx) => {
        const changed = await tx.nativeUpdate(
          Reservation,
          { id: reservation.id, status: 'ACTIVE' },
          { status, settledAt: new Date() },
        );
        if (changed !== 1) return false;
        await effect(tx, reservation);
        return true;
      });
      if (won) settled++;
    }
    return settled;
  }
}
