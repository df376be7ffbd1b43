import { productChangedEvent, type ProductSnapshot } from '@shop/contracts';
import type { EntityManager } from '@shop/kit/db';
import type { Outbox } from '@shop/kit/events';
import { Product } from '../domain/product.entity.js';
import { loadProductSnapshots } from './product-snapshot.js';
import { availableOf, guardedUpdate } from './stock-sql.js';
import { writeTransaction } from './write-transaction.js';

/**
 * Publishes a product's new state through the outbox, in the transaction that changed it (a
 * sale's new count a little later, by `publishSales`). The revision bump locks the product row, so
 * two changes of one product publish in commit order with increasing revisions. Callers lock SKU
 * rows before product rows (never the other way round), so a reservation and an admin edit cannot
 * deadlock each other.
 */
export class ProductChanges {
  constructor(private readonly outbox: Outbox) {}

  /** Returns what it published, for a caller that tells someone sooner than the event will. */
  async publish(tx: EntityManager, productIds: Iterable<string>): Promise<ProductSnapshot[]> {
    await tx.flush();
    const published: ProductSnapshot[] = [];
    for (const productId of [...new Set(productIds)].sort()) {
      await guardedUpdate(
        tx,
        'update product set revision = revision + 1, sales_pending = ? where id = ?',
        [false, productId],
      );
      const [snapshot] = await loadProductSnapshots(tx, [productId]);
      if (!snapshot) throw new Error(`product ${productId} vanished while publishing it`);
      this.outbox.record(tx, {
        type: productChangedEvent.type,
        version: productChangedEvent.version,
        subject: productId,
        data: snapshot,
      });
      published.push(snapshot);
    }
    return published;
  }

  /**
   * Units of a product were sold: popularity moves. A sale leaves availability as it was (on hand
   * and reserved fall together), so it is not published in the sale's transaction, which would hold
   * the product row across a snapshot and an outbox write for every buyer of a first-come sale: the
   * row is marked, and `publishSales` publishes it shortly, once for all the sales meanwhile.
   */
  async countSale(tx: EntityManager, productId: string, quantity: number): Promise<void> {
    await guardedUpdate(
      tx,
      'update product set sold_count = sold_count + ?, sales_pending = ? where id = ?',
      [quantity, true, productId],
    );
  }

  /**
   * Sold units came back on a SKU's shelf (a paid order cancelled before it shipped, a return
   * received), in the caller's transaction: they leave the sold count too, so popularity ranks what
   * shoppers kept, published like a sale, or at once if the SKU is back from zero.
   */
  async soldUnitsBack(tx: EntityManager, skuId: string, quantity: number): Promise<void> {
    const after = await availableOf(tx, skuId);
    if (!after) return;
    await guardedUpdate(
      tx,
      // Never below zero: sales counted before the count existed are not there to take back.
      'update product set sold_count = case when sold_count > ? then sold_count - ? else 0 end, sales_pending = ? where id = ?',
      [quantity, quantity, true, after.productId],
    );
    await this.publishIfBackFromZero(tx, after, quantity);
  }

  /** `quantity` units came back to a SKU now at `available`: from zero, its product is back in stock. */
  async publishIfBackFromZero(
    tx: EntityManager,
    after: { productId: string; available: number },
    quantity: number,
  ): Promise<void> {
    if (after.available === quantity) await this.publish(tx, [after.productId]);
  }

  /**
   * Publishes the products sold since their last ProductChanged, each in its own transaction, a
   * batch at a time until none is left, so a shop selling many products keeps up. The mark is on
   * the row, so sales counted before a crash are published after it. Returns how many it published.
   */
  async publishSales(em: EntityManager, batch = 100): Promise<number> {
    for (let published = 0; ;) {
      const pending = await em
        .fork()
        .find(Product, { salesPending: true }, { fields: ['id'], limit: batch });
      for (const { id } of pending)
        await writeTransaction(em, this.outbox, (tx) => this.publish(tx, [id]));
      published += pending.length;
      if (pending.length < batch) return published;
    }
  }
}
