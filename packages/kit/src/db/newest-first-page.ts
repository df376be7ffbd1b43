import type { EntityName, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from './open-database.js';

export interface Page<T> {
  nodes: T[];
  /** Opaque: pass as `after` for the next page. */
  endCursor: string | null;
  hasNextPage: boolean;
}

const maxPageSize = 100;

function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString('base64url');
}

function decodeCursor(
  cursor: string | null | undefined,
): { createdAt: Date; id: string } | undefined {
  if (!cursor) return undefined;
  try {
    const [iso, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
    const createdAt = new Date(String(iso));
    return typeof id === 'string' && !Number.isNaN(createdAt.getTime())
      ? { createdAt, id }
      : undefined;
  } catch {
    // Not a cursor of ours: read from the start, as for no cursor.
    return undefined;
  }
}

/**
 * One page of rows, newest first, by keyset on (createdAt, id): stable while rows are added and
 * with no OFFSET scans. `first` is clamped to 1–100.
 */
export async function newestFirstPage<T extends { id: string; createdAt: Date }>(
  em: EntityManager,
  entity: EntityName<T>,
  conditions: FilterQuery<T>[],
  page: { first: number; after?: string | null },
): Promise<Page<T>> {
  const first = Math.min(Math.max(page.first, 1), maxPageSize);
  const cursor = decodeCursor(page.after);
  const where = [...conditions];
  if (cursor)
    where.push({
      $or: [
        { createdAt: { $lt: cursor.createdAt } },
        { createdAt: cursor.createdAt, id: { $lt: cursor.id } },
      ],
    } as FilterQuery<T>);
  const rows = await em.find(entity, { $and: where } as FilterQuery<T>, {
    orderBy: { createdAt: 'desc', id: 'desc' } as never,
    limit: first + 1,
  });
  const nodes = rows.slice(0, first) as T[];
  const last = nodes.at(-1);
  return { nodes, hasNextPage: rows.length > first, endCursor: last ? encodeCursor(last) : null };
}
