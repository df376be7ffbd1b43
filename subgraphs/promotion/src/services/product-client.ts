import { skuInfoSchema, type SkuInfo } from '@shop/contracts';
import type { InternalClient } from '@shop/kit/internal-http';
import { z } from 'zod';

const skuList = z.array(skuInfoSchema);

/** product's SKU lookup: prices and categories, as product knows them now. */
export class ProductClient {
  constructor(private readonly product: InternalClient) {}

  async skus(ids: readonly string[]): Promise<SkuInfo[]> {
    if (ids.length === 0) return [];
    return skuList.parse(await this.product.get(`/internal/skus?ids=${ids.join(',')}`));
  }
}
