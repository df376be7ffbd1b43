import DataLoader from 'dataloader';
import type { EntityName, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from './open-database.js';

/**
 * Rows by their `id`, batched: a page or an `_entities` call naming many is one query. Made per
 * request (a service's `loaders`), so nothing loaded for one caller is served to another.
 */
export function byIdLoader<Row extends { id: string }>(
  em: EntityManager,
  entity: EntityName<Row>,
): DataLoader<string, Row | null> {
  return new DataLoader(async (ids) => {
    // A generic row's filter type cannot be worked out by the compiler; `id` is in every Row.
    const byIds = { id: { $in: [...ids] } } as unknown as FilterQuery<Row>;
    const rows = await em.find(entity, byIds);
    const found = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}
