import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@shop/kit/db';
import type { Outbox } from '@shop/kit/events';
import { Sku } from '../domain/sku.entity.js';
import { StockMovement, type StockAdjustmentReason } from '../domain/stock-movement.entity.js';
import { invalid, notFound, parseInput, saved, type Outcome } from './outcome.js';
import type { ProductChanges } from './product-changes.js';
import { adjustStockSchema, type AdjustStockInput } from './product-input.js';
import { availableOf, guardedUpdate } from './stock-sql.js';
import { writeTransaction } from './write-transaction.js';

class BelowReserved extends Error {}
/** Another change moved the units on hand between the read and the update of a count. */
class CountRaced extends Error {}

/** Which way each reason may move stock: a delivery adds, damage takes away, a count either. */
const directionOf: Record<StockAdjustmentReason, 1 | -1 | 0> = {
  RECEIVED: 1,
  RETURNED: 1,
  DAMAGED: -1,
  LOST: -1,
  COUNT_CORRECTION: 0,
};

const countAttempts = 3;

/**
 * Stock the admin receives, writes off or counts, one movement per change with its reason and
 * admin. The movement's reference is unique per SKU and kind, so a retried adjustment is answered
 * with the first one's result. Stock on hand never drops below what open orders reserved.
 */
export class StockLedger {
  constructor(private readonly deps: { outbox: Outbox; changes: ProductChanges }) {}

  async adjust(
    em: EntityManager,
    skuId: string,
    input: AdjustStockInput,
    actorId: string | null = null,
  ): Promise<Outcome<Sku>> {
    const parsed = parseInput(adjustStockSchema, input);
    if (!parsed.ok) return parsed.outcome;
    const change = parsed.data;
    for (let attempt = 1; ; attempt++) {
      const sku = await em.fork().findOne(Sku, { id: skuId });
      if (!sku) return notFound('sku', skuId);
      // A count is turned into a change from what was read; the update checks nothing moved since.
      const quantity = change.quantity ?? change.onHand! - sku.onHand;
      // A count that matches the shelf, or a retried count that was applied, changes nothing.
      if (quantity === 0) return saved(sku);
      const field = change.quantity === undefined ? 'onHand' : 'quantity';
      const direction = directionOf[change.reason];
      if (direction !== 0 && Math.sign(quantity) !== direction)
        return invalid(field, `${change.reason} must ${direction > 0 ? 'add' : 'remove'} stock`);
      try {
        await this.move(em, sku, quantity, change.onHand !== undefined, {
          reason: change.reason,
          reference: change.reference,
          note: change.note ?? null,
          actorId,
        });
      } catch (error) {
        if (error instanceof CountRaced && attempt < countAttempts) continue;
        if (error instanceof BelowReserved) {
          const now = await em.fork().findOneOrFail(Sku, { id: skuId });
          return { kind: 'below-reserved', onHand: now.onHand, reserved: now.reserved };
        }
        if (!(error instanceof UniqueConstraintViolationException)) throw error;
      }
      return saved(await em.fork().findOneOrFail(Sku, { id: skuId }));
    }
  }

  private async move(
    em: EntityManager,
    sku: Sku,
    quantity: number,
    isCount: boolean,
    movement: {
      reason: StockAdjustmentReason;
      reference: string;
      note: string | null;
      actorId: string | null;
    },
  ): Promise<void> {
    await writeTransaction(em, this.deps.outbox, async (tx) => {
      // The movement first: its unique key turns a retry into a no-op before stock moves.
      await tx.insert(StockMovement, {
        skuId: sku.id,
        kind: movement.reason === 'RECEIVED' ? 'RECEIVED' : 'ADJUSTED',
        quantity,
        ...movement,
        createdAt: new Date(),
      });
      const changed = await guardedUpdate(
        tx,
        `update sku set on_hand = on_hand + ? where id = ? and on_hand + ? >= reserved${
          isCount ? ' and on_hand = ?' : ''
        }`,
        [quantity, sku.id, quantity, ...(isCount ? [sku.onHand] : [])],
      );
      if (changed !== 1) {
        const now = await tx
          .getConnection()
          .execute<{ on_hand: number | string }[]>(
            'select on_hand from sku where id = ?',
            [sku.id],
            'all',
            tx.getTransactionContext(),
          );
        throw isCount && Number(now[0]?.on_hand) !== sku.onHand
          ? new CountRaced()
          : new BelowReserved();
      }
      const after = await availableOf(tx, sku.id);
      // Only a crossing of zero changes what listings show.
      if (after && after.available - quantity <= 0 !== after.available <= 0)
        await this.deps.changes.publish(tx, [after.productId]);
    });
  }

  /**
   * Returned units back on the shelf, in the caller's transaction (the event inbox's): once per
   * SKU and return, by the movement's unique (SKU, kind, reference) key as well.
   */
  async restock(
    tx: EntityManager,
    returnId: string,
    lines: { skuId: string; quantity: number }[],
  ): Promise<void> {
    for (const line of [...lines].sort((a, b) => a.skuId.localeCompare(b.skuId))) {
      const movement = { skuId: line.skuId, kind: 'RESTOCKED' as const, reference: returnId };
      if (await tx.findOne(StockMovement, movement)) continue;
      await tx.insert(StockMovement, {
        ...movement,
        quantity: line.quantity,
        note: 'returned',
        createdAt: new Date(),
      });
      await guardedUpdate(tx, 'update sku set on_hand = on_hand + ? where id = ?', [
        line.quantity,
        line.skuId,
      ]);
      await this.deps.changes.soldUnitsBack(tx, line.skuId, line.quantity);
    }
  }
}
