import { raw, type EntityClass } from '@mikro-orm/core';
import type { EntityManager } from './open-database.js';

export interface StatusCount<Status extends string> {
  status: Status;
  count: number;
}

/**
 * How many rows of `entity` are in each of `statuses`, one grouped read over its status index; a
 * status with none is counted 0, so the answer has one entry per status asked, in that order.
 */
export async function countByStatus<Status extends string>(
  em: EntityManager,
  entity: EntityClass<{ status: Status }>,
  statuses: readonly Status[],
): Promise<StatusCount<Status>[]> {
  const asked = [...new Set(statuses)];
  if (asked.length === 0) return [];
  // The builder is typed for a plain status column: the generic one defeats its field types.
  const rows: { status: Status; count: number | string }[] = await em
    .createQueryBuilder(entity as EntityClass<{ status: string }>)
    .select(['status', raw('count(*) as count')])
    .where({ status: { $in: asked } })
    .groupBy('status')
    .execute();
  const counted = new Map(rows.map((row) => [row.status, Number(row.count)]));
  return asked.map((status) => ({ status, count: counted.get(status) ?? 0 }));
}
