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
