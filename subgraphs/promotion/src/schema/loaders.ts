import DataLoader from 'dataloader';
import type { SkuInfo } from '@shop/contracts';
import type { SubgraphContext } from '@shop/kit/server';
import type { ProductClient } from '../services/product-client.js';

/** Per request: every SKU whose sale price is asked for is looked up in one call to product. */
export function createPromotionLoaders(product: ProductClient) {
  return {
    sku: new DataLoader<string, SkuInfo | null>(async (ids) => {
      const found = new Map((await product.skus(ids)).map((sku) => [sku.id, sku]));
      return ids.map((id) => found.get(id) ?? null);
    }),
  };
}

export type PromotionContext = SubgraphContext<ReturnType<typeof createPromotionLoaders>>;
