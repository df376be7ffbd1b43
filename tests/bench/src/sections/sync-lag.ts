// Catalog sync lag: an admin changes a SKU's price through the router; how long until a shopper's
// search through the router (response cache and all) shows the new "from" price.
import { graphqlRequest } from '@shop/testkit';
import { quantile } from '../percentiles.js';
import { progress } from '../progress.js';
import type { ShopProcess } from '../shop-process.js';

export interface SyncLagFigures {
  samples: number;
  p50: number;
  p99: number;
  max: number;
}

const updateSku = `mutation($id: ID!, $input: UpdateSkuInput!) { updateSku(id: $id, input: $input) { __typename } }`;
const search = `query($text: String!) { products(search: { text: $text }, first: 10) { nodes { id minPrice } } }`;
const pollEveryMs = 5;

export async function measureSyncLag(
  shop: ShopProcess,
  adminToken: string,
  productId: string,
  samples: number,
): Promise<SyncLagFigures> {
  const detail = await graphqlRequest<{
    product: { name: string; skus: { id: string; price: number }[] };
  }>(shop.routerUrl, `query($id: ID!) { product(id: $id) { name skus { id price } } }`, {
    variables: { id: productId },
  });
  const product = detail.data!.product;
  const cheapest = [...product.skus].sort((a, b) => a.price - b.price)[0]!;
  const shownPrice = async () => {
    const found = await graphqlRequest<{ products: { nodes: { id: string; minPrice: number }[] } }>(
      shop.routerUrl,
      search,
      { variables: { text: product.name } },
    );
    return found.data?.products.nodes.find((node) => node.id === productId)?.minPrice;
  };
  const setPrice = async (price: number) => {
    const changed = await graphqlRequest<{ updateSku: { __typename: string } }>(
      shop.routerUrl,
      updateSku,
      { variables: { id: cheapest.id, input: { price } }, token: adminToken },
    );
    if (changed.data?.updateSku.__typename !== 'Sku')
      throw new Error(`updateSku failed: ${JSON.stringify(changed)}`);
  };
  const lags: number[] = [];
  try {
    for (let i = 1; i <= samples; i++) {
      // Each change lowers the cheapest SKU by one won, so the listing's "from" price must follow.
      const price = cheapest.price - i;
      const started = performance.now();
      await setPrice(price);
      const deadline = started + 30_000;
      while ((await shownPrice()) !== price) {
        if (performance.now() > deadline)
          throw new Error(`price ${price} not searchable after 30 s`);
        await new Promise((resolve) => setTimeout(resolve, pollEveryMs));
      }
      lags.push(performance.now() - started);
      progress('  catalog sync lag samples', i, samples);
    }
  } finally {
    // The demo catalogue lives on in the real databases: leave its price as it was.
    await setPrice(cheapest.price);
  }
  return {
    samples,
    p50: quantile(lags, 0.5),
    p99: quantile(lags, 0.99),
    max: Math.max(...lags),
  };
}
