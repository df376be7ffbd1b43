import { fileURLToPath } from 'node:url';
import { paymentApprovedEvent, paymentCancelledEvent } from '@shop/contracts';
import { loadConfig } from '@shop/kit';
import { defineService, resolverContainer } from '@shop/kit/service';
import { paymentConfigSchema } from './config.js';
import { paymentEntities } from './domain/entities.js';
import { TossPaymentsGateway } from './gateway/toss-payments-gateway.js';
import { paymentRoutes } from './internal/payments.route.js';
import { createPaymentLoaders } from './schema/loaders.js';
import { migrationsList } from './migrations/index.js';
import { OrderPaymentResolver, PaymentResolver } from './schema/payment.resolver.js';
import { paymentPermissions } from './schema/permissions.js';
import { OrderWithPayment } from './schema/payment.type.js';
import { paymentReferenceResolvers } from './schema/reference.js';
import { ConfirmPayment } from './services/confirm-payment.js';
import { measurePaymentsInProgress } from './services/in-progress-metrics.js';
import { OrderClient } from './services/order-client.js';
import { PaymentEvents } from './services/payment-events.js';
import { PaymentRefunds } from './services/payment-refunds.js';

export const paymentService = defineService({
  name: 'payment',
  entities: paymentEntities,
  migrations: {
    list: migrationsList,
    folder: fileURLToPath(new URL('./migrations', import.meta.url)),
  },
  graphql: {
    resolvers: [PaymentResolver, OrderPaymentResolver],
    // Reached only through `_entities`: the router asks for an order's payment.
    orphanedTypes: [OrderWithPayment],
    referenceResolvers: paymentReferenceResolvers,
    permissions: paymentPermissions,
  },
  events: { publishes: [paymentApprovedEvent, paymentCancelledEvent], consumes: {} },
  setup: ({ orm, outbox, runtime, logger, periodicJob }) => {
    const config = loadConfig('payment', paymentConfigSchema, runtime.env);
    const gateway = new TossPaymentsGateway({
      baseUrl: config.SHOP_PG_URL,
      secretKey: config.SHOP_PG_SECRET_KEY,
      timeoutMs: config.SHOP_PG_TIMEOUT_MS,
    });
    const events = new PaymentEvents(outbox);
    const staleAfterMs = config.SHOP_PAYMENT_RECOVER_AFTER_MS;
    const refunds = new PaymentRefunds({ outbox, events, gateway, logger, staleAfterMs });
    const confirmPayment = new ConfirmPayment({
      outbox,
      events,
      gateway,
      orders: new OrderClient(runtime.internalClient('payment', 'order')),
      refunds,
      logger,
      waitMs: config.SHOP_PAYMENT_CONFIRM_WAIT_MS,
      staleAfterMs,
    });
    measurePaymentsInProgress(runtime.metricsRegistry, orm);
    return {
      loaders: (em) => createPaymentLoaders(em),
      container: resolverContainer(new PaymentResolver(confirmPayment), new OrderPaymentResolver()),
      internalRoutes: (router) => paymentRoutes(router, orm, refunds),
      background: [
        periodicJob({
          name: 'payment-recovery',
          intervalMs: config.SHOP_PAYMENT_RECOVERY_SWEEP_MS,
          // Every payment and refund waiting on the PG has an owner, even when its process died.
          run: async () => ({
            confirmations: await confirmPayment.resumeStale(orm.em),
            refunds: await refunds.resumeStale(orm.em),
          }),
        }),
      ],
    };
  },
});
