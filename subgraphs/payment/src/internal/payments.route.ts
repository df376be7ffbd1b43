import { paymentCancelRequestSchema } from '@shop/contracts';
import type { Orm } from '@shop/kit/db';
import { InternalProblem, type InternalRouter } from '@shop/kit/internal-http';
import type { PaymentRefunds } from '../services/payment-refunds.js';

/**
 * POST /internal/payments/:orderId/cancel → full or partial refund (order cancellation, returns);
 * idempotent per key; 409 when it would exceed what is refundable, 502 when the PG refused, 503
 * while the PG's answer is unknown (the refund will be finished; ask again with the same key).
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
      if (outcome.kind === 'in-progress')
        throw new InternalProblem(
          503,
          'REFUND_IN_PROGRESS',
          'The PG has not answered yet; the refund will be finished. Ask again with the same key.',
        );
      throw new InternalProblem(outcome.reason === 'NO_PAYMENT' ? 404 : 409, outcome.reason);
    },
  );
}
