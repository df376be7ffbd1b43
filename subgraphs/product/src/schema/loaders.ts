import DataLoader from 'dataloader';
import type { EntityManager } from '@shop/kit/db';
import type { SubgraphContext } from '@shop/kit/server';
import { Brand } from '../domain/brand.entity.js';
import { Category } from '../domain/category.entity.js';
import { Product } from '../domain/product.entity.js';
import { Sku } from '../domain/sku.entity.js';

function byId<T extends { id: string }>(
  load: (ids: readonly string[]) => Promise<T[]>,
): DataLoader<string, T | null> {
  return new DataLoader(async (ids) => {
    const found = new Map((await load(ids)).map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

/** A category's id and its ancestors', root first; bounded, so a cycle cannot hang a request. */
async function categoryPathOf(
  category: DataLoader<string, Category | null>,
  id: string,
): Promise<string[]> {
  const path: string[] = [];
  let next = await category.load(id);
  while (next && path.length < 8) {
    path.unshift(next.id);
    next = next.parentId ? await category.load(next.parentId) : null;
  }
  return path;
}

/** One query per kind per request, however many products a page or an `_entities` call holds. */
export function createProductLoaders(em: EntityManager) {
  const category = byId((ids) => em.find(Category, { id: { $in: [...ids] } }));
  return {
    product: byId((ids) => em.find(Product, { id: { $in: [...ids] } })),
    brand: byId((ids) => em.find(Brand, { id: { $in: [...ids] } })),
    category,
    /** Through `category`: a page's categories and their paths cost a query per tree level. */
    categoryPath: (id: string) => categoryPathOf(category, id),
    skusOfProduct: new DataLoader<string, Sku[]>(async (productIds) => {
      const skus = await em.find(
        Sku,
        { productId: { $in: [...productIds] } },
        { orderBy: { position: 'asc', id: 'asc' } },
      );
      return productIds.map((productId) => skus.filter((sku) => sku.productId === productId));
    }),
  };
}

export type ProductLoaders = ReturnType<typeof createProductLoaders>;
export type ProductContext = SubgraphContext<ProductLoaders>;
