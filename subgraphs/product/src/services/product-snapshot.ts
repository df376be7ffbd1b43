import type { ProductSnapshot } from '@shop/contracts';
import type { EntityManager } from '@shop/kit/db';
import { Brand } from '../domain/brand.entity.js';
import { Category } from '../domain/category.entity.js';
import { Product } from '../domain/product.entity.js';
import { availableUnits, Sku } from '../domain/sku.entity.js';

/** The category and its ancestors, root first. */
export async function categoryPath(
  em: EntityManager,
  categoryId: string,
): Promise<{ id: string; name: string }[]> {
  const path: { id: string; name: string }[] = [];
  let next: string | null | undefined = categoryId;
  // Bounded: the tree is shallow, and a cycle must not hang a publisher.
  for (let depth = 0; next && depth < 8; depth++) {
    const category: Category | null = await em.findOne(Category, { id: next });
    if (!category) break;
    path.unshift({ id: category.id, name: category.name });
    next = category.parentId;
  }
  return path;
}

/**
 * The product as read models see it, read fresh from the database (not the identity map), so it
 * includes the revision and stock written by raw SQL earlier in the transaction.
 */
export async function loadProductSnapshot(
  em: EntityManager,
  productId: string,
): Promise<ProductSnapshot> {
  const product = await em.findOneOrFail(Product, { id: productId }, { refresh: true });
  const skus = await em.find(
    Sku,
    { productId },
    { orderBy: { createdAt: 'asc', id: 'asc' }, refresh: true },
  );
  const brand = product.brandId ? await em.findOne(Brand, { id: product.brandId }) : null;
  const path = product.categoryId ? await categoryPath(em, product.categoryId) : [];
  const leaf = path.at(-1);
  return {
    id: product.id,
    revision: product.revision,
    name: product.name,
    description: product.description,
    status: product.status,
    brand: brand && { id: brand.id, name: brand.name },
    category: leaf ? { id: leaf.id, name: leaf.name, path } : null,
    images: product.images,
    optionGroups: product.optionGroups,
    skus: skus.map((sku) => ({
      id: sku.id,
      code: sku.code,
      price: sku.price,
      available: availableUnits(sku),
      enabled: sku.enabled,
      options: sku.options,
    })),
    soldCount: product.soldCount,
    createdAt: product.createdAt.toISOString(),
    updatedAt: product.updatedAt.toISOString(),
  };
}
