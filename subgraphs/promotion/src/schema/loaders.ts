import DataLoader from 'dataloader';
import type { SkuInfo } from '@shop/contracts';
import type { EntityManager } from '@shop/kit/db';
import type { SubgraphContext } from '@shop/kit/server';
import { Discount } from '../domain/discount.entity.js';
import type { ProductClient } from '../services/product-client.js';

/**
 * Per request: every SKU whose sale price is asked for is looked up in one call to product, and
 * the discounts running now for all their products and categories in one query (a listing asks
 * for hundreds of SKUs at once).
 */
export function createPromotionLoaders(product: ProductClient, em: EntityManager) {
  return {
    sku: new DataLoader<string, SkuInfo | null>(async (ids) => {
      const found = new Map((await product.skus(ids)).map((sku) => [sku.id, sku]));
      return ids.map((id) => found.get(id) ?? null);
    }),
    runningDiscounts: new DataLoader<string, Discount[]>(async (targetIds) => {
      const now = new Date();
      const running = await em.find(Discount, {
        targetId: { $in: [...targetIds] },
        active: true,
        startsAt: { $lte: now },
        endsAt: { $gt: now },
      });
      return targetIds.map((targetId) =>
        running.filter((discount) => discount.targetId === targetId),
      );
    }),
  };
}

export type PromotionContext = SubgraphContext<ReturnType<typeof createPromotionLoaders>>;
