import { couponActionSchema, quoteRequestSchema } from '@shop/contracts';
import type { Orm } from '@shop/kit/db';
import { InternalProblem, type InternalRouter } from '@shop/kit/internal-http';
import type { CouponBook } from '../services/coupon-book.js';
import type { Quotes } from '../services/quotes.js';

/**
 * Order's calls:
 * POST /internal/quotes                                     → Quote (read only)
 * POST /internal/coupons/:couponId/reserve                  → { reserved } | 409 COUPON_INVALID { reason }
 * POST /internal/coupons/:couponId/{use,release,restore}    → { changed }
 * Each coupon step is idempotent for its order.
 */
export function promotionRoutes(
  router: InternalRouter,
  orm: Orm,
  quotes: Quotes,
  coupons: CouponBook,
): void {
  router
    .route('POST', '/internal/quotes', quoteRequestSchema, ({ body }) =>
      quotes.quote(orm.em.fork(), body),
    )
    .route(
      'POST',
      '/internal/coupons/:couponId/reserve',
      couponActionSchema,
      async ({ params, body }) => {
        const outcome = await coupons.reserve(orm.em, params.couponId!, body.orderId, body.userId);
        if (!outcome.reserved)
          throw new InternalProblem(409, 'COUPON_INVALID', `coupon not usable: ${outcome.reason}`, {
            reason: outcome.reason,
          });
        return { reserved: true };
      },
    );
  for (const step of ['use', 'release', 'restore'] as const)
    router.route(
      'POST',
      `/internal/coupons/:couponId/${step}`,
      couponActionSchema,
      async ({ params, body }) => ({
        changed: await coupons[step](orm.em, params.couponId!, body.orderId),
      }),
    );
}
