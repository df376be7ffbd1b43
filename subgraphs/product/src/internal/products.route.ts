import { z } from 'zod';
import type { Orm } from '@shop/kit/db';
import type { InternalRouter } from '@shop/kit/internal-http';
import { InternalProblem } from '@shop/kit/internal-http';
import { Brand } from '../domain/brand.entity.js';
import { Product } from '../domain/product.entity.js';
import { availableUnits, Sku } from '../domain/sku.entity.js';
import { categoriesIn, categoryPaths, loadProductSnapshots } from '../services/product-snapshot.js';

const pageQuery = z.object({
  after: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

/**
 * Reads for other services:
 * GET /internal/product-snapshots?after=&limit= → every product's snapshot, by id (catalog reindex)
 * GET /internal/skus?ids=a,b                    → SKUs with price and availability (order, promotion)
 * GET /internal/brands/:id                      → the brand, or 404 (settlement's commissions)
 */
export function productRoutes(router: InternalRouter, orm: Orm): void {
  router
    .route('GET', '/internal/brands/:id', async ({ params }) => {
      const brand = await orm.em.fork().findOne(Brand, { id: params.id });
      if (!brand) throw new InternalProblem(404, 'NOT_FOUND', `no brand ${params.id}`);
      return { id: brand.id, name: brand.name };
    })
    .route('GET', '/internal/product-snapshots', async ({ query }) => {
      const page = pageQuery.safeParse(Object.fromEntries(query));
      if (!page.success) throw new InternalProblem(400, 'INVALID_INPUT', page.error.message);
      const em = orm.em.fork();
      const products = await em.find(
        Product,
        page.data.after ? { id: { $gt: page.data.after } } : {},
        { orderBy: { id: 'asc' }, limit: page.data.limit, fields: ['id'] },
      );
      return {
        snapshots: await loadProductSnapshots(
          em,
          products.map((product) => product.id),
        ),
        nextAfter: products.length === page.data.limit ? products.at(-1)!.id : null,
        total: await em.count(Product, {}),
      };
    })
    .route('GET', '/internal/skus', async ({ query }) => {
      const ids = (query.get('ids') ?? '').split(',').filter(Boolean);
      if (ids.length === 0 || ids.length > 200)
        throw new InternalProblem(400, 'INVALID_INPUT', 'ids: 1 to 200 SKU ids, comma-separated');
      const em = orm.em.fork();
      const skus = await em.find(Sku, { id: { $in: ids } });
      const products = await em.find(Product, { id: { $in: skus.map((sku) => sku.productId) } });
      const productOf = new Map(products.map((product) => [product.id, product]));
      const paths = await categoryPaths(
        categoriesIn(em),
        products.flatMap((product) => (product.categoryId ? [product.categoryId] : [])),
      );
      return skus.map((sku) => ({
        id: sku.id,
        productId: sku.productId,
        productName: productOf.get(sku.productId)?.name ?? '',
        /** The product's category and its ancestors, for category-wide promotions. */
        categoryIds: (paths.get(productOf.get(sku.productId)?.categoryId ?? '') ?? []).map(
          (level) => level.id,
        ),
        brandId: productOf.get(sku.productId)?.brandId ?? null,
        code: sku.code,
        options: sku.options,
        price: sku.price,
        available: availableUnits(sku),
        sellable: sku.sellable,
      }));
    });
}
