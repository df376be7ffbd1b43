import type { FilterQuery } from '@mikro-orm/core';
import type { OrderStatus } from '@shop/contracts';
import type { EntityManager } from '@shop/kit/db';
import { Order } from '../domain/order.entity.js';

export interface OrderSearch {
  userId?: string | null;
  status?: OrderStatus | null;
  first: number;
  after?: string | null;
}

const encodeCursor = (order: Order) =>
  Buffer.from(`${order.createdAt.toISOString()}|${order.id}`).toString('base64url');

function decodeCursor(cursor: string): { createdAt: Date; id: string } | undefined {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const createdAt = new Date(iso ?? '');
  return id && !Number.isNaN(createdAt.getTime()) ? { createdAt, id } : undefined;
}

/** Newest first, keyset-paginated: a customer's history or the admin's search. */
export async function searchOrders(em: EntityManager, search: OrderSearch) {
  const first = Math.min(Math.max(search.first, 1), 100);
  const conditions: FilterQuery<Order>[] = [];
  if (search.userId) conditions.push({ userId: search.userId });
  if (search.status) conditions.push({ status: search.status });
  const cursor = search.after ? decodeCursor(search.after) : undefined;
  if (cursor)
    conditions.push({
      $or: [
        { createdAt: { $lt: cursor.createdAt } },
        { createdAt: cursor.createdAt, id: { $lt: cursor.id } },
      ],
    });
  const rows = await em.find(
    Order,
    { $and: conditions },
    { orderBy: { createdAt: 'desc', id: 'desc' }, limit: first + 1 },
  );
  const nodes = rows.slice(0, first);
  return {
    nodes,
    hasNextPage: rows.length > first,
    endCursor: nodes.length > 0 ? encodeCursor(nodes.at(-1)!) : null,
  };
}
