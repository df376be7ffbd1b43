import { productChangedEvent, type ProductSnapshot } from '@shop/contracts';
import type { EntityManager } from '@shop/kit/db';
import type { Outbox } from '@shop/kit/events';
import { loadProductSnapshots } from './product-snapshot.js';
import { guardedUpdate } from './stock-sql.js';

/**
 * Publishes a product's new state through the outbox, in the transaction that changed it. The
 * revision bump locks the product row, so two changes of one product publish in commit order with
 * increasing revisions. Callers lock SKU rows before product rows (never the other way round), so
 * a reservation and an admin edit cannot deadlock each other.
 */
export class ProductChanges {
  constructor(private readonly outbox: Outbox) {}

  /** Returns what it published, for a caller that tells someone sooner than the event will. */
  async publish(tx: EntityManager, productIds: Iterable<string>): Promise<ProductSnapshot[]> {
    await tx.flush();
    const published: ProductSnapshot[] = [];
    for (const productId of [...new Set(productIds)].sort()) {
      await guardedUpdate(tx, 'update product set revision = revision + 1 where id = ?', [
        productId,
      ]);
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

  /** Units of a product were sold: popularity moves, and read models hear of it. */
  async recordSale(tx: EntityManager, productId: string, quantity: number): Promise<void> {
    await guardedUpdate(tx, 'update product set sold_count = sold_count + ? where id = ?', [
      quantity,
      productId,
    ]);
    await this.publish(tx, [productId]);
  }
}
