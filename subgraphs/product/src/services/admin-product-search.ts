import type { FilterQuery } from '@mikro-orm/core';
import type { ProductStatus } from '@shop/contracts';
import type { EntityManager } from '@shop/kit/db';
import { Product } from '../domain/product.entity.js';

export interface AdminProductSearch {
  query?: string | null;
  status?: ProductStatus | null;
  categoryId?: string | null;
  brandId?: string | null;
  first: number;
  after?: string | null;
}

const encodeCursor = (product: Product) =>
  Buffer.from(`${product.createdAt.toISOString()}|${product.id}`).toString('base64url');

function decodeCursor(cursor: string): { createdAt: Date; id: string } | undefined {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const createdAt = new Date(iso ?? '');
  return id && !Number.isNaN(createdAt.getTime()) ? { createdAt, id } : undefined;
}

/** Newest first, keyset-paginated (stable under inserts, no OFFSET scans). */
export async function searchAdminProducts(em: EntityManager, search: AdminProductSearch) {
  const first = Math.min(Math.max(search.first, 1), 100);
  const conditions: FilterQuery<Product>[] = [];
  if (search.query)
    conditions.push({ name: { $like: `%${search.query.replace(/[%_\\]/g, '\\$&')}%` } });
  if (search.status) conditions.push({ status: search.status });
  if (search.categoryId) conditions.push({ categoryId: search.categoryId });
  if (search.brandId) conditions.push({ brandId: search.brandId });
  const cursor = search.after ? decodeCursor(search.after) : undefined;
  if (cursor)
    conditions.push({
      $or: [
        { createdAt: { $lt: cursor.createdAt } },
        { createdAt: cursor.createdAt, id: { $lt: cursor.id } },
      ],
    });
  const rows = await em.find(
    Product,
    { $and: conditions },
    { orderBy: { createdAt: 'desc', id: 'desc' }, limit: first + 1 },
  );
  const nodes = rows.slice(0, first);
  return {
    nodes,
    hasNextPage: rows.length > first,
    endCursor: nodes.length > 0 ? encodeCursor(nodes.at(-1)!) : null,
  };
}
