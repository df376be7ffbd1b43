import { productChangedEvent } from '@shop/contracts';
import { on, type EventSubscription } from '@shop/kit/events';
import type { Logger } from '@shop/kit';
import { crashPoint } from '@shop/kit/ops';
import type { SearchIndex } from '../search/index.js';
import type { ListingCache } from '../services/listing-cache.js';

/**
 * ProductChanged → the search index, then the cached pages. Idempotent without an inbox: the index
 * keeps each product's highest revision, so a late event is 'stale' and changes nothing, and a
 * duplicate ('redelivered') only drops the pages again: its first delivery may have died between
 * the two. A sale ('sales-only') leaves the cached pages: it only moves the popularity order, which
 * catches up as they expire, where a shop selling every second would otherwise have no cached page.
 */
export function productChangedHandler(deps: {
  index: SearchIndex;
  listings: ListingCache;
  logger: Logger;
}): EventSubscription<typeof productChangedEvent> {
  return on(productChangedEvent, async (snapshot) => {
    // While a rebuild runs, the new index gets the change too (see SearchIndex.apply).
    const outcome = await deps.index.apply(snapshot);
    crashPoint('catalog.product.indexed');
    if (outcome === 'applied' || outcome === 'redelivered') await deps.listings.invalidate();
    deps.logger.debug(
      { productId: snapshot.id, revision: snapshot.revision, outcome },
      'product indexed',
    );
  });
}
