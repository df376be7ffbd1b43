import type { FilterQuery } from '@mikro-orm/core';
import type { OrderStatus } from '@shop/contracts';
import { newestFirstPage, type EntityManager } from '@shop/kit/db';
import { OrderLine } from '../domain/order-line.entity.js';
import { Order } from '../domain/order.entity.js';

export interface OrderSearch {
  userId?: string | null;
  /** The customers found by name or email in the user service (the admin looks them up first). */
  userIds?: string[] | null;
  status?: OrderStatus | null;
  statuses?: OrderStatus[] | null;
  /** An order id, or the start of one (the order number the admin reads out). */
  orderNumber?: string | null;
  /** Part of a line's product name, as ordered. */
  productName?: string | null;
  createdFrom?: Date | null;
  createdBefore?: Date | null;
  first: number;
  after?: string | null;
}

/** Orders of more lines than this matching a product name are not all searched. */
const productMatchLimit = 1000;

/** An order id's characters: anything else cannot start one. */
const orderNumberPattern = /^[0-9a-f-]{1,36}$/;

/** LIKE's wildcards dropped from what was typed (SQLite has no default escape character). */
const literal = (text: string) => text.replace(/[%_\\]/g, '');

/** Newest first: a customer's history or the admin's search; every given criterion must hold. */
export async function searchOrders(em: EntityManager, search: OrderSearch) {
  const conditions: FilterQuery<Order>[] = [];
  if (search.userId) conditions.push({ userId: search.userId });
  if (search.userIds) conditions.push({ userId: { $in: search.userIds } });
  if (search.status) conditions.push({ status: search.status });
  if (search.statuses?.length) conditions.push({ status: { $in: search.statuses } });
  const orderNumber = search.orderNumber?.trim().toLowerCase();
  if (orderNumber)
    conditions.push({
      id: orderNumberPattern.test(orderNumber) ? { $like: `${orderNumber}%` } : { $in: [] },
    });
  if (search.createdFrom) conditions.push({ createdAt: { $gte: search.createdFrom } });
  if (search.createdBefore) conditions.push({ createdAt: { $lt: search.createdBefore } });
  const productName = literal(search.productName?.trim() ?? '');
  if (productName) {
    // The lines first, then their orders: two reads of one database, no join to page over.
    const lines = await em.find(
      OrderLine,
      { productName: { $like: `%${productName}%` } },
      { fields: ['orderId'], limit: productMatchLimit },
    );
    conditions.push({ id: { $in: [...new Set(lines.map((line) => line.orderId))] } });
  }
  return newestFirstPage(em, Order, conditions, search);
}
