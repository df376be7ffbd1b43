import { z } from 'zod';
import type { Orm } from '@shop/kit/db';
import { InternalProblem, type InternalRouter } from '@shop/kit/internal-http';
import type { PointsWallet } from '../services/points-wallet.js';

const holdBody = z.object({
  orderId: z.uuid(),
  userId: z.uuid(),
  amount: z.number().int().min(1).max(100_000_000),
});

/**
 * Order's points calls, idempotent on the order id:
 * POST /internal/points/holds                   → { status: HELD } | 409 INSUFFICIENT_POINTS
 * POST /internal/points/holds/:orderId/use      → { changed }  (paid)
 * POST /internal/points/holds/:orderId/release  → { changed }  (failed or expired)
 * POST /internal/points/holds/:orderId/restore  → { changed }  (cancelled after payment)
 */
export function pointsRoutes(router: InternalRouter, orm: Orm, wallet: PointsWallet): void {
  router.route('POST', '/internal/points/holds', holdBody, async ({ body }) => {
    const outcome = await wallet.hold(orm.em, body);
    if (outcome.kind === 'held') return { status: 'HELD' };
    if (outcome.kind === 'not-found') throw new InternalProblem(404, 'USER_NOT_FOUND');
    throw new InternalProblem(409, 'INSUFFICIENT_POINTS', `only ${outcome.balance} points`, {
      balance: outcome.balance,
    });
  });
  for (const step of ['use', 'release', 'restore'] as const) {
    router.route('POST', `/internal/points/holds/:orderId/${step}`, async ({ params }) => ({
      changed: await wallet[step](orm.em, params.orderId!),
    }));
  }
}
