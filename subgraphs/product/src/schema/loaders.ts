import DataLoader from 'dataloader';
import { byIdLoader, rowsWhereIn, type EntityManager } from '@shop/kit/db';
import type { SubgraphContext } from '@shop/kit/server';
import { Brand } from '../domain/brand.entity.js';
import { Category } from '../domain/category.entity.js';
import { Product } from '../domain/product.entity.js';
import { Sku } from '../domain/sku.entity.js';
import { categoryPaths, type FindCategories } from '../services/product-snapshot.js';

/** One query per kind per request, however many products a page or an `_entities` call holds. */
export function createProductLoaders(em: EntityManager) {
  const category = byIdLoader(em, Category);
  // Through `category`: a page's categories and their paths share the rows it reads.
  const loadedCategories: FindCategories = async (ids) =>
    (await category.loadMany(ids)).filter((found) => found instanceof Category);
  return {
    product: byIdLoader(em, Product),
    brand: byIdLoader(em, Brand),
    category,
    /** A category's id and its ancestors', root first. */
    categoryPath: async (id: string) =>
      ((await categoryPaths(loadedCategories, [id])).get(id) ?? []).map((level) => level.id),
    skusOfProduct: new DataLoader<string, Sku[]>(async (productIds) => {
      const skus = await rowsWhereIn(em, Sku, 'productId', productIds, ['position', 'id']);
      return productIds.map((productId) => skus.filter((sku) => sku.productId === productId));
    }),
  };
}

export type ProductLoaders = ReturnType<typeof createProductLoaders>;
export type ProductContext = SubgraphContext<ProductLoaders>;
