import DataLoader from 'dataloader';
import type { EntityName } from '@mikro-orm/core';
import type { EntityManager } from './open-database.js';
import { rowsWhereIn } from './rows-where-in.js';

/**
 * Rows by their `id`, batched: a page or an `_entities` call naming many is one query. Made per
 * request (a service's `loaders`), so nothing loaded for one caller is served to another.
 */
export function byIdLoader<Row extends { id: string }>(
  em: EntityManager,
  entity: EntityName<Row>,
): DataLoader<string, Row | null> {
  return new DataLoader(async (ids) => {
    const rows = await rowsWhereIn(em, entity, 'id', ids);
    const found = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}
