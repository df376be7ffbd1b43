import type { QueryResult } from '@mikro-orm/core';
import type { EntityManager } from '@shop/kit/db';

/**
 * One guarded UPDATE in the caller's transaction, returning how many rows it changed: stock is
 * only ever moved by conditions the database checks atomically, never read-modify-write.
 */
export async function guardedUpdate(
  em: EntityManager,
  sql: string,
  params: unknown[],
): Promise<number> {
  const result = await em
    .getConnection()
    .execute<QueryResult>(sql, params, 'run', em.getTransactionContext());
  return result.affectedRows;
}

/** What can still be sold of a SKU, read inside the caller's transaction (after its own update). */
export async function availableOf(
  em: EntityManager,
  skuId: string,
): Promise<{ productId: string; available: number } | undefined> {
  const rows = await em
    .getConnection()
    .execute<{ product_id: string; available: number | string }[]>(
      'select product_id, on_hand - reserved as available from sku where id = ?',
      [skuId],
      'all',
      em.getTransactionContext(),
    );
  const row = rows[0];
  return row && { productId: row.product_id, available: Number(row.available) };
}
