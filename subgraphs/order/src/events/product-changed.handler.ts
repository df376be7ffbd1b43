import { productChangedEvent } from '@shop/contracts';
import { on, type EventSubscription } from '@shop/kit/events';
import type { StockGate } from '../services/stock-gate.js';

/** ProductChanged → the stock gate learns which of its SKUs are sold out (newer revisions only). */
export function productChangedHandler(
  gate: StockGate,
): EventSubscription<typeof productChangedEvent> {
  return on(productChangedEvent, (product) =>
    gate.apply({ productId: product.id, revision: product.revision, skus: product.skus }),
  );
}
