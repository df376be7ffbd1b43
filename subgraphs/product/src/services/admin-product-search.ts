import type { FilterQuery } from '@mikro-orm/core';
import type { ProductStatus } from '@shop/contracts';
import { newestFirstPage, type EntityManager } from '@shop/kit/db';
import { Product } from '../domain/product.entity.js';

export interface AdminProductSearch {
  query?: string | null;
  status?: ProductStatus | null;
  categoryId?: string | null;
  brandId?: string | null;
  lowStockAtMost?: number | null;
  first: number;
  after?: string | null;
}

/** Every product for the admin, newest first, filtered by name, status, taxonomy or stock. */
export async function searchAdminProducts(em: EntityManager, search: AdminProductSearch) {
  const conditions: FilterQuery<Product>[] = [];
  if (search.query)
    conditions.push({ name: { $like: `%${search.query.replace(/[%_\\]/g, '\\$&')}%` } });
  if (search.status) conditions.push({ status: search.status });
  if (search.categoryId) conditions.push({ categoryId: search.categoryId });
  if (search.brandId) conditions.push({ brandId: search.brandId });
  if (search.lowStockAtMost !== null && search.lowStockAtMost !== undefined) {
    // Disabled SKUs are not sold, so their stock never makes a product "running low".
    const low = await em
      .getConnection()
      .execute<{ product_id: string }[]>(
        'select distinct product_id from sku where enabled = ? and on_hand - reserved <= ?',
        [true, search.lowStockAtMost],
      );
    conditions.push({ id: { $in: low.map((row) => row.product_id) } });
  }
  return newestFirstPage(em, Product, conditions, search);
}
