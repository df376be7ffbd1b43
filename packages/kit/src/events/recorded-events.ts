import type { EntityManager } from '@mikro-orm/core';
import type { OutboxEvent } from './outbox-event.entity.js';

/**
 * The outbox rows each transaction recorded, so the relay is woken by the commits that recorded
 * events, and by no other, and knows which rows they were (kit-internal: the outbox marks, the
 * relay asks).
 */
const recorded = new WeakMap<EntityManager, OutboxEvent[]>();

/** `em`'s transaction recorded `row`. */
export function markRecorded(em: EntityManager, row: OutboxEvent): void {
  const rows = recorded.get(em);
  if (rows) rows.push(row);
  else recorded.set(em, [row]);
}

/**
 * The outbox rows the transaction `em` just committed (its inserts assigned their ids). A
 * transaction's entity manager is its own (the ORM forks one for each), so the rows go with it.
 */
export function recordedRows(em: EntityManager): readonly OutboxEvent[] {
  return recorded.get(em) ?? [];
}
