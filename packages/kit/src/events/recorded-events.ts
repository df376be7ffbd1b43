import type { EntityManager } from '@mikro-orm/core';

/**
 * The outbox rows each transaction recorded, so the relay is woken by the commits that recorded
 * events, and by no other, and knows which rows they were (kit-internal: the outbox marks, the
 * relay asks).
 */
const recorded = new WeakMap<EntityManager, { id: number }[]>();

/** `em`'s transaction recorded `row`. */
export function markRecorded(em: EntityManager, row: { id: number }): void {
  const rows = recorded.get(em);
  if (rows) rows.push(row);
  else recorded.set(em, [row]);
}

/**
 * The ids of the outbox rows the transaction `em` just committed (its inserts assigned them). A
 * transaction's entity manager is its own (the ORM forks one for each), so the rows go with it.
 */
export function recordedIds(em: EntityManager): number[] {
  return recorded.get(em)?.map((row) => row.id) ?? [];
}
