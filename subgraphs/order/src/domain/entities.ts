import { OrderLineSchema } from './order-line.entity.js';
import { OrderReturnSchema } from './order-return.entity.js';
import { OrderStatusChangeSchema } from './order-status-change.entity.js';
import { OrderSchema } from './order.entity.js';

export const orderEntities = [
  OrderSchema,
  OrderLineSchema,
  OrderReturnSchema,
  OrderStatusChangeSchema,
];
