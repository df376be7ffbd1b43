import { returnReceivedEvent } from '@shop/contracts';
import { on, type EventSubscription, type InboxContext } from '@shop/kit/events';
import type { StockLedger } from '../services/stock-ledger.js';

/** ReturnReceived → the returned units back on the shelf (lines of one SKU added up). */
export function returnReceivedHandler(
  ledger: StockLedger,
): EventSubscription<typeof returnReceivedEvent, InboxContext> {
  return on(returnReceivedEvent, async (received, { tx }) => {
    const perSku = new Map<string, number>();
    for (const line of received.lines)
      perSku.set(line.skuId, (perSku.get(line.skuId) ?? 0) + line.quantity);
    await ledger.restock(
      tx,
      received.returnId,
      [...perSku].map(([skuId, quantity]) => ({ skuId, quantity })),
    );
  });
}
