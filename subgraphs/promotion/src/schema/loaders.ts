import DataLoader from 'dataloader';
import type { EntityManager } from '@shop/kit/db';
import type { SubgraphContext } from '@shop/kit/server';
import { Discount } from '../domain/discount.entity.js';

/**
 * Per request: the discounts running now for every product and category whose SKUs' sale prices
 * are asked for, in one query (a listing asks for hundreds of SKUs at once).
 */
export function createPromotionLoaders(em: EntityManager) {
  return {
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
