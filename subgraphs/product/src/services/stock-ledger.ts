import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@shop/kit/db';
import type { Outbox } from '@shop/kit/events';
import { Sku } from '../domain/sku.entity.js';
import { StockMovement } from '../domain/stock-movement.entity.js';
import { invalid, notFound, parseInput, saved, type Outcome } from './outcome.js';
import type { ProductChanges } from './product-changes.js';
import { adjustStockSchema, type AdjustStockInput } from './product-input.js';
import { availableOf, guardedUpdate } from './stock-sql.js';
import { writeTransaction } from './write-transaction.js';

class BelowReserved extends Error {}

/**
 * Stock the admin receives or corrects, one movement per change. The movement's reference is
 * unique per SKU and kind, so a retried adjustment is answered with the first one's result.
 */
export class StockLedger {
  constructor(private readonly deps: { outbox: Outbox; changes: ProductChanges }) {}

  async adjust(em: EntityManager, skuId: string, input: AdjustStockInput): Promise<Outcome<Sku>> {
    const parsed = parseInput(adjustStockSchema, input);
    if (!parsed.ok) return parsed.outcome;
    const { kind, quantity, reference, note } = parsed.data;
    if (!(await em.fork().findOne(Sku, { id: skuId }))) return notFound('sku', skuId);
    try {
      await writeTransaction(em, this.deps.outbox, async (tx) => {
        // The movement first: its unique key turns a retry into a no-op before stock moves.
        await tx.insert(StockMovement, {
          skuId,
          kind,
          quantity,
          reference,
          note: note ?? null,
          createdAt: new Date(),
        });
        const changed = await guardedUpdate(
          tx,
          'update sku set on_hand = on_hand + ? where id = ? and on_hand + ? >= reserved',
          [quantity, skuId, quantity],
        );
        if (changed !== 1) throw new BelowReserved();
        const after = await availableOf(tx, skuId);
        // Only a crossing of zero changes what listings show.
        if (after && after.available - quantity <= 0 !== after.available <= 0)
          await this.deps.changes.publish(tx, [after.productId]);
      });
    } catch (error) {
      if (error instanceof BelowReserved)
        return invalid('quantity', 'would leave less stock than is reserved for open orders');
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
    }
    return saved(await em.fork().findOneOrFail(Sku, { id: skuId }));
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
      const after = await availableOf(tx, line.skuId);
      if (after && after.available === line.quantity)
        await this.deps.changes.publish(tx, [after.productId]);
    }
  }
}
