import type { ProductSnapshot } from '@shop/contracts';
import type { EntityManager } from '@shop/kit/db';
import { Brand } from '../domain/brand.entity.js';
import { Category } from '../domain/category.entity.js';
import { Product } from '../domain/product.entity.js';
import { availableUnits, Sku } from '../domain/sku.entity.js';

type CategoryPath = { id: string; name: string }[];

const isId = (id: string | null | undefined): id is string => Boolean(id);

/** Categories by id, read as the caller reads them: from its database, or a request's loader. */
export type FindCategories = (ids: readonly string[]) => Promise<Category[]>;

export const categoriesIn =
  (em: EntityManager): FindCategories =>
  (ids) =>
    em.find(Category, { id: { $in: [...ids] } });

/** Each category's path from the root, for the categories the given products use. */
export async function categoryPaths(
  find: FindCategories,
  ids: string[],
): Promise<Map<string, CategoryPath>> {
  const byId = new Map<string, Category>();
  let missing = [...new Set(ids)];
  // One read per tree level; bounded so a cycle cannot hang a publisher or a request.
  for (let depth = 0; missing.length > 0 && depth < 8; depth++) {
    for (const category of await find(missing)) byId.set(category.id, category);
    missing = [...byId.values()]
      .map((category) => category.parentId)
      .filter((parent): parent is string => isId(parent) && !byId.has(parent));
  }
  const paths = new Map<string, CategoryPath>();
  for (const id of ids) {
    const path: CategoryPath = [];
    for (let next = byId.get(id); next && path.length < 8; next = byId.get(next.parentId ?? '')) {
      path.unshift({ id: next.id, name: next.name });
    }
    paths.set(id, path);
  }
  return paths;
}

/**
 * Products as read models see them, read fresh from the database (not the identity map), so they
 * include the revision and stock written by raw SQL earlier in the transaction. A handful of
 * queries whatever the number of products: reindexing reads thousands.
 */
export async function loadProductSnapshots(
  em: EntityManager,
  productIds: string[],
): Promise<ProductSnapshot[]> {
  const products = await em.find(
    Product,
    { id: { $in: productIds } },
    { orderBy: { id: 'asc' }, refresh: true },
  );
  const skus = await em.find(
    Sku,
    { productId: { $in: productIds } },
    { orderBy: { position: 'asc', id: 'asc' }, refresh: true },
  );
  const brandIds = products.map((product) => product.brandId).filter(isId);
  const brands = new Map(
    (brandIds.length > 0 ? await em.find(Brand, { id: { $in: brandIds } }) : []).map((brand) => [
      brand.id,
      brand,
    ]),
  );
  const paths = await categoryPaths(
    categoriesIn(em),
    products.map((product) => product.categoryId).filter(isId),
  );
  return products.map((product) => {
    const brand = product.brandId ? brands.get(product.brandId) : undefined;
    const path = product.categoryId ? (paths.get(product.categoryId) ?? []) : [];
    const leaf = path.at(-1);
    return {
      id: product.id,
      revision: product.revision,
      name: product.name,
      description: product.description,
      status: product.status,
      brand: brand ? { id: brand.id, name: brand.name } : null,
      category: leaf ? { id: leaf.id, name: leaf.name, path } : null,
      images: product.images,
      optionGroups: product.optionGroups,
      skus: skus
        .filter((sku) => sku.productId === product.id)
        .map((sku) => ({
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
  });
}
