import DataLoader from 'dataloader';
import type { EntityManager } from '@shop/kit/db';
import type { SubgraphContext } from '@shop/kit/server';
import { Brand } from '../domain/brand.entity.js';
import { Category } from '../domain/category.entity.js';
import { Product } from '../domain/product.entity.js';
import { Sku } from '../domain/sku.entity.js';
import { categoriesIn, categoryPaths, type FindCategories } from '../services/product-snapshot.js';

function byId<T extends { id: string }>(
  load: (ids: readonly string[]) => Promise<T[]>,
): DataLoader<string, T | null> {
  return new DataLoader(async (ids) => {
    const found = new Map((await load(ids)).map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

/** One query per kind per request, however many products a page or an `_entities` call holds. */
export function createProductLoaders(em: EntityManager) {
  const category = byId(categoriesIn(em));
  // Through `category`: a page's categories and their paths share the rows it reads.
  const loadedCategories: FindCategories = async (ids) =>
    (await category.loadMany(ids)).filter((found) => found instanceof Category);
  return {
    product: byId((ids) => em.find(Product, { id: { $in: [...ids] } })),
    brand: byId((ids) => em.find(Brand, { id: { $in: [...ids] } })),
    category,
    /** A category's id and its ancestors', root first. */
    categoryPath: async (id: string) =>
      ((await categoryPaths(loadedCategories, [id])).get(id) ?? []).map((level) => level.id),
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
