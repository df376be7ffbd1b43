import type { EntityManager } from '@shop/kit/db';
import type { Outbox } from '@shop/kit/events';

/**
 * A transaction that changes stock or products and records their events. It reads committed data
 * (every session does on MySQL, see the kit's openDatabase): a snapshot read after taking a
 * product's lock must see what the previous holder committed, not a view from before the wait.
 * SQLite has a single writer, so nothing can interleave.
 */
export function writeTransaction<T>(
  em: EntityManager,
  outbox: Outbox,
  work: (tx: EntityManager) => Promise<T>,
): Promise<T> {
  return outbox.transaction(em.fork(), work);
}
