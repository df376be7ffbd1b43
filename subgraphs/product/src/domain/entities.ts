import { ReservationSchema } from './reservation.entity.js';
import { SkuSchema } from './sku.entity.js';
import { StockMovementSchema } from './stock-movement.entity.js';

export const productEntities = [SkuSchema, ReservationSchema, StockMovementSchema];
