import { raw } from '@mikro-orm/core';
import type { EntityManager } from '@shop/kit/db';
import { Return, type ReturnStatus } from '../domain/return.entity.js';

export interface ReturnStatusCount {
  status: ReturnStatus;
  count: number;
}

/**
 * How many returns and exchanges are in each of `statuses`, one grouped read over the status
 * index; a status with none is counted 0, so the answer has one entry per status asked, in order.
 */
export async function countReturnsByStatus(
  em: EntityManager,
  statuses: readonly ReturnStatus[],
): Promise<ReturnStatusCount[]> {
  const asked = [...new Set(statuses)];
  if (asked.length === 0) return [];
  const rows: { status: ReturnStatus; count: number | string }[] = await em
    .createQueryBuilder(Return)
    .select(['status', raw('count(*) as count')])
    .where({ status: { $in: asked } })
    .groupBy('status')
    .execute();
  const counted = new Map(rows.map((row) => [row.status, Number(row.count)]));
  return asked.map((status) => ({ status, count: counted.get(status) ?? 0 }));
}
