import { orderPaidRequestSchema, orderPaymentFailedRequestSchema } from '@shop/contracts';
import type { Orm } from '@shop/kit/db';
import { InternalProblem, type InternalRouter } from '@shop/kit/internal-http';
import { OrderLine } from '../domain/order-line.entity.js';
import { Order } from '../domain/order.entity.js';
import type { OrderFulfilment } from '../services/order-fulfilment.js';
import type { OrderLifecycle } from '../services/order-lifecycle.js';

const payableView = (order: Order) => ({
  id: order.id,
  userId: order.userId,
  status: order.status,
  orderName: order.orderName,
  totalAmount: order.totalAmount,
  expiresAt: order.expiresAt.toISOString(),
});

/**
 * Payment's calls (idempotent):
 * GET  /internal/orders/:orderId                 → the payable view of the order
 * POST /internal/orders/:orderId/paid            → 200 order | 409 ORDER_NOT_PAYABLE (expired, cancelled)
 * POST /internal/orders/:orderId/payment-failed  → { status }
 * GET  /internal/orders/:orderId/lines           → the order and what each line cost (returns)
 * Delivery's call (idempotent):
 * POST /internal/orders/:orderId/preparing       → 200 { status } | 409 ORDER_NOT_SHIPPABLE (cancelling, cancelled)
 */
export function orderRoutes(
  router: InternalRouter,
  orm: Orm,
  lifecycle: OrderLifecycle,
  fulfilment: OrderFulfilment,
): void {
  router
    .route('GET', '/internal/orders/:orderId/lines', async ({ params }) => {
      const em = orm.em.fork();
      const order = await em.findOne(Order, { id: params.orderId! });
      if (!order) throw new InternalProblem(404, 'ORDER_NOT_FOUND');
      const lines = await em.find(
        OrderLine,
        { orderId: order.id },
        { orderBy: { position: 'asc' } },
      );
      return {
        ...payableView(order),
        lines: lines.map((line) => ({
          lineId: line.id,
          skuId: line.skuId,
          productId: line.productId,
          brandId: line.brandId,
          quantity: line.quantity,
          paidAmount: line.paidAmount,
          pointsUsed: line.pointsUsed,
        })),
      };
    })
    .route('GET', '/internal/orders/:orderId', async ({ params }) => {
      const order = await orm.em.fork().findOne(Order, { id: params.orderId! });
      if (!order) throw new InternalProblem(404, 'ORDER_NOT_FOUND');
      return payableView(order);
    })
    .route(
      'POST',
      '/internal/orders/:orderId/paid',
      orderPaidRequestSchema,
      async ({ params, body }) => {
        const outcome = await lifecycle.markPaid(orm.em, params.orderId!, body.paymentId);
        if (outcome.kind === 'not-found') throw new InternalProblem(404, 'ORDER_NOT_FOUND');
        if (outcome.kind === 'not-payable')
          throw new InternalProblem(409, 'ORDER_NOT_PAYABLE', `the order is ${outcome.status}`, {
            status: outcome.status,
          });
        return payableView(outcome.order);
      },
    )
    .route('POST', '/internal/orders/:orderId/preparing', async ({ params }) => {
      const outcome = await fulfilment.prepare(orm.em, params.orderId!);
      if (outcome.kind === 'not-found') throw new InternalProblem(404, 'ORDER_NOT_FOUND');
      if (outcome.kind === 'not-shippable')
        throw new InternalProblem(409, 'ORDER_NOT_SHIPPABLE', `the order is ${outcome.status}`, {
          status: outcome.status,
        });
      return { status: outcome.status };
    })
    .route(
      'POST',
      '/internal/orders/:orderId/payment-failed',
      orderPaymentFailedRequestSchema,
      async ({ params, body }) => {
        const status = await lifecycle.markPaymentFailed(orm.em, params.orderId!, body.reason);
        if (!status) throw new InternalProblem(404, 'ORDER_NOT_FOUND');
        return { status };
      },
    );
}
