import DataLoader from 'dataloader';
import type { EntityManager } from '@shop/kit/db';
import type { SubgraphContext } from '@shop/kit/server';
import { OrderLine } from '../domain/order-line.entity.js';
import { Order } from '../domain/order.entity.js';

/** One query per kind per request, however many orders a page or an `_entities` call holds. */
export function createOrderLoaders(em: EntityManager) {
  return {
    order: new DataLoader<string, Order | null>(async (ids) => {
      const found = new Map(
        (await em.find(Order, { id: { $in: [...ids] } })).map((o) => [o.id, o]),
      );
      return ids.map((id) => found.get(id) ?? null);
    }),
    linesOfOrder: new DataLoader<string, OrderLine[]>(async (orderIds) => {
      const lines = await em.find(
        OrderLine,
        { orderId: { $in: [...orderIds] } },
        { orderBy: { position: 'asc' } },
      );
      return orderIds.map((orderId) => lines.filter((line) => line.orderId === orderId));
    }),
  };
}

export type OrderLoaders = ReturnType<typeof createOrderLoaders>;
export type OrderContext = SubgraphContext<OrderLoaders>;
