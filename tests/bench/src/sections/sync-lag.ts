// Catalog sync lag: an admin changes a SKU's price through the router; how long until a shopper's
// search through the router (response cache and all) shows the new "from" price.
import { randomUUID } from 'node:crypto';
import { graphqlRequest, waitFor } from '@shop/testkit';
import { quantile } from '../percentiles.js';
import { progress } from '../progress.js';
import type { ShopProcess } from '../shop-process.js';
import { benchProductPrice, gql, newProduct } from './checkout.js';

export interface SyncLagFigures {
  samples: number;
  p50: number;
  p99: number;
  max: number;
}

const updateSku = `mutation($id: ID!, $input: UpdateSkuInput!) { updateSku(id: $id, input: $input) { __typename } }`;
const search = `query($text: String!) { products(search: { text: $text }, first: 10) { nodes { id minPrice } } }`;
const pollEveryMs = 5;

/**
 * On a product of its own, named by a token nothing else has: the real databases the benches and
 * tests share hold hundreds of namesakes ("벤치 상품"), and a search by a shared name need not rank
 * a given one in its first page.
 */
export async function measureSyncLag(
  shop: ShopProcess,
  adminToken: string,
  samples: number,
): Promise<SyncLagFigures> {
  const token = randomUUID().slice(0, 8);
  const { productId, skuId } = await newProduct(shop, adminToken, 100, `Bench sync ${token}`);
  const shownPrice = async () => {
    const found = await graphqlRequest<{ products: { nodes: { id: string; minPrice: number }[] } }>(
      shop.routerUrl,
      search,
      { variables: { text: token } },
    );
    return found.data?.products.nodes.find((node) => node.id === productId)?.minPrice;
  };
  const searchable = (price: number) =>
    waitFor(`price ${price} in search`, async () => (await shownPrice()) === price, {
      intervalMs: pollEveryMs,
    });
  await searchable(benchProductPrice);
  const lags: number[] = [];
  for (let i = 1; i <= samples; i++) {
    // Each change lowers the SKU by one won, so the listing's "from" price must follow.
    const price = benchProductPrice - i;
    const started = performance.now();
    const changed = await gql(shop, updateSku, { id: skuId, input: { price } }, adminToken);
    if (changed.updateSku.__typename !== 'Sku')
      throw new Error(`updateSku failed: ${JSON.stringify(changed)}`);
    await searchable(price);
    lags.push(performance.now() - started);
    progress('  catalog sync lag samples', i, samples);
  }
  return {
    samples,
    p50: quantile(lags, 0.5),
    p99: quantile(lags, 0.99),
    max: Math.max(...lags),
  };
}
