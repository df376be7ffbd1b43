import type { EntityManager } from '@mikro-orm/core';

/**
 * Which transactions recorded outbox events, so the relay is woken by the commits that did and by
 * no other (kit-internal: the outbox marks, the relay asks).
 */
const recording = new WeakSet<EntityManager>();

/** `em`'s transaction recorded an event. */
export function markRecorded(em: EntityManager): void {
  recording.add(em);
}

/**
 * Whether the transaction `em` just committed recorded events. A transaction's entity manager is
 * its own (the ORM forks one for each), so the mark goes with it.
 */
export function recordedEvents(em: EntityManager): boolean {
  return recording.has(em);
}
