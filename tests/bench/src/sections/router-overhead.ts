// What a gateway adds: the same one-subgraph query (the listing) through the router, through each
// baseline gateway and straight to the catalog subgraph, on one connection so the difference is
// the gateway's own work and not time queued behind other requests, all in turns of a second so
// each is timed in the same stretches of the run; and how many subgraph fetches each storefront
// page costs, from the router's own count of the fetches its query plans made.
import { InternalTokens } from '@shop/kit/identity';
import { graphqlRequest, metricSum } from '@shop/testkit';
import { interleavedLoad, type LoadFigures } from '../load.js';
import type { ShopProcess } from '../shop-process.js';

export const routerName = 'shop router';

export interface RouterOverheadFigures {
  direct: LoadFigures;
  /** Through the router and each baseline gateway, by name. */
  through: Record<string, LoadFigures>;
  /** Subgraph fetches per request, by storefront page. */
  fetchesPerPage: Record<string, number>;
}

async function subgraphFetches(shop: ShopProcess): Promise<number> {
  const metrics = await (await fetch(shop.routerMetricsUrl)).text();
  return metricSum(metrics, 'router_subgraph_fetches_total');
}

export async function measureRouterOverhead(
  shop: ShopProcess,
  queries: Record<string, { query: string; variables: Record<string, unknown> }>,
  seconds: number,
  baselines: { name: string; url: string }[],
): Promise<RouterOverheadFigures> {
  const token = await new InternalTokens(shop.env.SHOP_INTERNAL_SECRET!).sign({
    via: 'router',
    identity: { kind: 'anonymous' },
  });
  const listing = queries.listing!;
  const gateways = [{ name: routerName, url: shop.routerUrl }, ...baselines];
  console.error(
    `  overhead: listing through ${gateways.map(({ name }) => name).join(', ')} and straight to catalog, in turns, 1 connection`,
  );
  const [direct, ...throughEach] = await interleavedLoad(
    [
      {
        url: shop.subgraphUrls.catalog!,
        bodies: [listing],
        headers: { 'x-shop-internal-token': token },
      },
      ...gateways.map(({ url }) => ({ url, bodies: [listing] })),
    ],
    { seconds, connections: 1 },
  );
  const through = Object.fromEntries(gateways.map(({ name }, i) => [name, throughEach[i]!]));

  const fetchesPerPage: Record<string, number> = {};
  const requests = 20;
  for (const [page, { query, variables }] of Object.entries(queries)) {
    const before = await subgraphFetches(shop);
    for (let i = 0; i < requests; i++) await graphqlRequest(shop.routerUrl, query, { variables });
    fetchesPerPage[page] = ((await subgraphFetches(shop)) - before) / requests;
  }
  return { direct: direct!, through, fetchesPerPage };
}
