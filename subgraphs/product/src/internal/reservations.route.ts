import { z } from 'zod';
import type { Orm } from '@shop/kit/db';
import type { InternalRouter } from '@shop/kit/internal-http';
import type { StockReservations } from '../services/stock-reservations.js';

const reserveBody = z.object({
  orderId: z.uuid(),
  lines: z
    .array(z.object({ skuId: z.uuid(), quantity: z.number().int().min(1).max(1000) }))
    .min(1)
    .max(100)
    .refine((lines) => new Set(lines.map((line) => line.skuId)).size === lines.length, {
      message: 'one line per SKU',
    }),
});

/**
 * Order's stock calls. Each is idempotent on the order id, so order retries them freely, and each
 * answers with the order's reservations in the resulting status, the same on a retry:
 * POST /internal/reservations                  → { status: RESERVED, expiresAt, left, soldOut } | { status: UNRESERVABLE, … }
 * POST /internal/reservations/:orderId/commit  → { committed, short }  (payment approved)
 * POST /internal/reservations/:orderId/release → { released }   (order cancelled or failed)
 * POST /internal/reservations/:orderId/restock → { restocked }  (paid order cancelled before shipping)
 */
export function reservationRoutes(
  router: InternalRouter,
  orm: Orm,
  reservations: StockReservations,
): void {
  router
    .route('POST', '/internal/reservations', reserveBody, async ({ body }) => {
      const outcome = await reservations.reserve(orm.em, body.orderId, body.lines);
      if (outcome.kind === 'reserved')
        return {
          status: 'RESERVED',
          expiresAt: outcome.expiresAt.toISOString(),
          left: outcome.left,
          soldOut: outcome.soldOut,
        };
      const { kind: _kind, ...refusal } = outcome;
      return { status: 'UNRESERVABLE', ...refusal };
    })
    .route('POST', '/internal/reservations/:orderId/commit', ({ params }) =>
      reservations.commit(orm.em, params.orderId!),
    )
    .route('POST', '/internal/reservations/:orderId/release', async ({ params }) => {
      await reservations.release(orm.em, params.orderId!);
      return { released: await reservations.count(orm.em, params.orderId!, 'RELEASED') };
    })
    .route('POST', '/internal/reservations/:orderId/restock', async ({ params }) => {
      await reservations.restock(orm.em, params.orderId!);
      return { restocked: await reservations.count(orm.em, params.orderId!, 'RESTOCKED') };
    });
}
