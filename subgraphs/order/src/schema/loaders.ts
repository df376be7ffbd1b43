import DataLoader from 'dataloader';
import { byIdLoader, type EntityManager } from '@shop/kit/db';
import type { SubgraphContext } from '@shop/kit/server';
import { OrderLine } from '../domain/order-line.entity.js';
import { Order } from '../domain/order.entity.js';

/** One query per kind per request, however many orders a page or an `_entities` call holds. */
export function createOrderLoaders(em: EntityManager) {
  return {
    order: byIdLoader(em, Order),
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
