import { z } from 'zod';
import type { Orm } from '@shop/kit/db';
import type { InternalRouter } from '@shop/kit/internal-http';
import type { StockLedger } from '../services/stock-ledger.js';

const restockBody = z.object({
  /** The return the units came back with: restocking it again adds nothing. */
  reference: z.string().min(1).max(64),
  lines: z
    .array(z.object({ skuId: z.uuid(), quantity: z.number().int().min(1).max(1000) }))
    .min(1)
    .max(100),
});

/** POST /internal/stock/restock → { restocked }: returned units back on the shelf (return). */
export function stockRoutes(router: InternalRouter, orm: Orm, ledger: StockLedger): void {
  router.route('POST', '/internal/stock/restock', restockBody, async ({ body }) => ({
    restocked: await ledger.restock(orm.em, body.reference, body.lines),
  }));
}
