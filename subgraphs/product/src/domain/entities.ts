import { BrandSchema } from './brand.entity.js';
import { CategorySchema } from './category.entity.js';
import { ImageUploadSchema } from './image-upload.entity.js';
import { ProductSchema } from './product.entity.js';
import { ReservationSchema } from './reservation.entity.js';
import { SkuSchema } from './sku.entity.js';
import { StockMovementSchema } from './stock-movement.entity.js';

export const productEntities = [
  CategorySchema,
  BrandSchema,
  ProductSchema,
  SkuSchema,
  ReservationSchema,
  StockMovementSchema,
  ImageUploadSchema,
];
