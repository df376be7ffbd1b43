import type { FilterQuery } from '@mikro-orm/core';
import type { OrderStatus } from '@shop/contracts';
import { newestFirstPage, type EntityManager } from '@shop/kit/db';
import { Order } from '../domain/order.entity.js';

export interface OrderSearch {
  userId?: string | null;
  status?: OrderStatus | null;
  first: number;
  after?: string | null;
}

/** Newest first: a customer's history or the admin's search. */
export function searchOrders(em: EntityManager, search: OrderSearch) {
  const conditions: FilterQuery<Order>[] = [];
  if (search.userId) conditions.push({ userId: search.userId });
  if (search.status) conditions.push({ status: search.status });
  return newestFirstPage(em, Order, conditions, search);
}
