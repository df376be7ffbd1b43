// What the router adds: the same one-subgraph query (the listing) through the router and straight
// to the catalog subgraph, on one connection so the difference is the router's own work and not
// time queued behind other requests; and how many subgraph fetches each storefront page costs,
// from the router's own count of the fetches its query plans made.
import { InternalTokens } from '@shop/kit/identity';
import { graphqlRequest } from '@shop/testkit';
import { load, type LoadFigures } from '../load.js';
import type { ShopProcess } from '../shop-process.js';

export interface RouterOverheadFigures {
  router: LoadFigures;
  direct: LoadFigures;
  /** Subgraph fetches per request, by storefront page. */
  fetchesPerPage: Record<string, number>;
}

async function subgraphFetches(shop: ShopProcess): Promise<number> {
  const metrics = await (await fetch(new URL('/metrics', shop.routerUrl))).text();
  return [...metrics.matchAll(/^router_subgraph_fetches_total\{[^}]*\} (\d+)/gm)].reduce(
    (sum, match) => sum + Number(match[1]),
    0,
  );
}

export async function measureRouterOverhead(
  shop: ShopProcess,
  queries: Record<string, { query: string; variables: Record<string, unknown> }>,
  seconds: number,
): Promise<RouterOverheadFigures> {
  const token = await new InternalTokens(shop.env.SHOP_INTERNAL_SECRET!).sign({
    via: 'router',
    identity: { kind: 'anonymous' },
  });
  const listing = queries.listing!;
  console.error('  router overhead: listing through the router and straight to catalog');
  const router = await load(shop.routerUrl, [listing], { seconds, connections: 1 });
  const direct = await load(shop.subgraphUrls.catalog!, [listing], {
    seconds,
    connections: 1,
    headers: { 'x-shop-internal-token': token },
  });

  const fetchesPerPage: Record<string, number> = {};
  const requests = 20;
  for (const [page, { query, variables }] of Object.entries(queries)) {
    const before = await subgraphFetches(shop);
    for (let i = 0; i < requests; i++) await graphqlRequest(shop.routerUrl, query, { variables });
    fetchesPerPage[page] = ((await subgraphFetches(shop)) - before) / requests;
  }
  return { router, direct, fetchesPerPage };
}
