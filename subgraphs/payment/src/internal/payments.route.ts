import { paymentCancelRequestSchema } from '@shop/contracts';
import type { Orm } from '@shop/kit/db';
import { InternalProblem, type InternalRouter } from '@shop/kit/internal-http';
import type { PaymentRefunds } from '../services/payment-refunds.js';

/**
 * POST /internal/payments/:orderId/cancel → full or partial refund (order cancellation, returns);
 * idempotent per key; 409 when it would exceed what is refundable, 502 when the PG failed.
 */
export function paymentRoutes(router: InternalRouter, orm: Orm, refunds: PaymentRefunds): void {
  router.route(
    'POST',
    '/internal/payments/:orderId/cancel',
    paymentCancelRequestSchema,
    async ({ params, body }) => {
      const outcome = await refunds.refund(orm.em, params.orderId!, body);
      if (outcome.kind === 'refunded') return outcome.result;
      if (outcome.kind === 'pg-failed')
        throw new InternalProblem(502, 'PG_FAILED', outcome.message);
      throw new InternalProblem(outcome.reason === 'NO_PAYMENT' ? 404 : 409, outcome.reason);
    },
  );
}
