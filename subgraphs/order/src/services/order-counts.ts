import type { OrderStatus } from '@shop/contracts';
import { countByStatus, type EntityManager } from '@shop/kit/db';
import { Order } from '../domain/order.entity.js';

/** How many orders are in each of `statuses` (0 for none), one entry per status asked. */
export const countOrdersByStatus = (em: EntityManager, statuses: readonly OrderStatus[]) =>
  countByStatus(em, Order, statuses);
