import type { FilterQuery } from '@mikro-orm/core';
import type { ProductStatus } from '@shop/contracts';
import { newestFirstPage, type EntityManager } from '@shop/kit/db';
import { Product } from '../domain/product.entity.js';

export interface AdminProductSearch {
  query?: string | null;
  status?: ProductStatus | null;
  categoryId?: string | null;
  brandId?: string | null;
  first: number;
  after?: string | null;
}

/** Every product for the admin, newest first. */
export function searchAdminProducts(em: EntityManager, search: AdminProductSearch) {
  const conditions: FilterQuery<Product>[] = [];
  if (search.query)
    conditions.push({ name: { $like: `%${search.query.replace(/[%_\\]/g, '\\$&')}%` } });
  if (search.status) conditions.push({ status: search.status });
  if (search.categoryId) conditions.push({ categoryId: search.categoryId });
  if (search.brandId) conditions.push({ brandId: search.brandId });
  return newestFirstPage(em, Product, conditions, search);
}
