import type { OrderStatus } from '@shop/contracts';
import { raw } from '@mikro-orm/core';
import type { EntityManager } from '@shop/kit/db';
import { Order } from '../domain/order.entity.js';

export interface OrderStatusCount {
  status: OrderStatus;
  count: number;
}

/**
 * How many orders are in each of `statuses`, one grouped read over the status index; a status
 * with no orders is counted 0, so the answer has one entry per status asked, in that order.
 */
export async function countOrdersByStatus(
  em: EntityManager,
  statuses: readonly OrderStatus[],
): Promise<OrderStatusCount[]> {
  const asked = [...new Set(statuses)];
  if (asked.length === 0) return [];
  const rows: { status: OrderStatus; count: number | string }[] = await em
    .createQueryBuilder(Order)
    .select(['status', raw('count(*) as count')])
    .where({ status: { $in: asked } })
    .groupBy('status')
    .execute();
  const counted = new Map(rows.map((row) => [row.status, Number(row.count)]));
  return asked.map((status) => ({ status, count: counted.get(status) ?? 0 }));
}
