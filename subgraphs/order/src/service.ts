import { fileURLToPath } from 'node:url';
import {
  exchangeReshippedEvent,
  orderCancelledEvent,
  orderCompletedEvent,
  orderFailedEvent,
  orderPaidEvent,
  orderPlacedEvent,
  paymentApprovedEvent,
  paymentCancelledEvent,
  productChangedEvent,
  returnRefundedEvent,
  returnRejectedEvent,
  returnRequestedEvent,
  shipmentDeliveredEvent,
  shipmentShippedEvent,
} from '@shop/contracts';
import { bulkhead } from 'cockatiel';
import { loadConfig } from '@shop/kit';
import { counterOn } from '@shop/kit/ops';
import { eventConsumer, idempotentConsumer } from '@shop/kit/events';
import { defineService, resolverContainer } from '@shop/kit/service';
import { orderConfigSchema } from './config.js';
import { orderEntities } from './domain/entities.js';
import { exchangeReshippedHandler } from './events/exchange-reshipped.handler.js';
import { paymentApprovedHandler } from './events/payment-approved.handler.js';
import { paymentCancelledHandler } from './events/payment-cancelled.handler.js';
import { productChangedHandler } from './events/product-changed.handler.js';
import { returnRefundedHandler } from './events/return-refunded.handler.js';
import { returnRejectedHandler } from './events/return-rejected.handler.js';
import { returnRequestedHandler } from './events/return-requested.handler.js';
import { shipmentDeliveredHandler } from './events/shipment-delivered.handler.js';
import { shipmentShippedHandler } from './events/shipment-shipped.handler.js';
import { orderRoutes } from './internal/orders.route.js';
import { migrationsList } from './migrations/index.js';
import { CheckoutQuoteResolver } from './schema/checkout-quote.resolver.js';
import { createOrderLoaders } from './schema/loaders.js';
import { OrderLineResolver, OrderResolver } from './schema/order.resolver.js';
import { orderPermissions } from './schema/permissions.js';
import { UserWithOrders } from './schema/order.type.js';
import { orderReferenceResolvers } from './schema/reference.js';
import { UserOrdersResolver } from './schema/user-orders.resolver.js';
import { CheckoutQuotes } from './services/checkout-quote.js';
import { OrderEvents } from './services/order-events.js';
import { OrderFulfilment } from './services/order-fulfilment.js';
import { OrderHolds } from './services/order-holds.js';
import { OrderLifecycle } from './services/order-lifecycle.js';
import { OrderReturns } from './services/order-returns.js';
import { PaymentClient } from './services/payment-client.js';
import { PlaceOrder } from './services/place-order.js';
import { PointsClient } from './services/points-client.js';
import { PromotionClient } from './services/promotion-client.js';
import { StockClient } from './services/stock-client.js';
import { MemoryStockGate, RedisStockGate } from './services/stock-gate.js';

export const orderService = defineService({
  name: 'order',
  entities: orderEntities,
  migrations: {
    list: migrationsList,
    folder: fileURLToPath(new URL('./migrations', import.meta.url)),
  },
  graphql: {
    resolvers: [OrderResolver, OrderLineResolver, UserOrdersResolver, CheckoutQuoteResolver],
    // Reached only through `_entities`: the router asks for a user's orders.
    orphanedTypes: [UserWithOrders],
    referenceResolvers: orderReferenceResolvers,
    permissions: orderPermissions,
  },
  events: {
    publishes: [
      orderPlacedEvent,
      orderPaidEvent,
      orderFailedEvent,
      orderCancelledEvent,
      orderCompletedEvent,
    ],
    consumes: {
      'payment-approved': [paymentApprovedEvent],
      'payment-cancelled': [paymentCancelledEvent],
      'stock-gate': [productChangedEvent],
      'delivery-events': [shipmentShippedEvent, shipmentDeliveredEvent],
      'return-events': [
        returnRequestedEvent,
        returnRejectedEvent,
        returnRefundedEvent,
        exchangeReshippedEvent,
      ],
    },
  },
  setup: ({ orm, outbox, runtime, logger, periodicJob }) => {
    const config = loadConfig('order', orderConfigSchema, runtime.env);
    const stock = new StockClient(runtime.internalClient('order', 'product'));
    const promotion = new PromotionClient(runtime.internalClient('order', 'promotion'));
    const points = new PointsClient(runtime.internalClient('order', 'user'));
    const events = new OrderEvents(outbox);
    const holds = new OrderHolds({ stock, promotion, points, logger });
    const payment = new PaymentClient(runtime.internalClient('order', 'payment'));
    const lifecycle = new OrderLifecycle({ outbox, events, holds, payment, logger });
    const fulfilment = new OrderFulfilment({ outbox, events });
    const returns = new OrderReturns();
    const rules = {
      freeShippingFrom: config.SHOP_FREE_SHIPPING_FROM,
      shippingFee: config.SHOP_SHIPPING_FEE,
      minimumCharge: config.SHOP_MINIMUM_CHARGE,
    };
    const gate = runtime.redis ? new RedisStockGate(runtime.redis) : new MemoryStockGate();
    const soldOutAtGate = counterOn(
      runtime.metricsRegistry,
      'shop_order_sold_out_at_gate_total',
      'Buyers told "sold out" by the stock gate, before any quote, order row or reservation',
    );
    const placeOrder = new PlaceOrder({
      outbox,
      events,
      holds,
      stock,
      promotion,
      points,
      rules,
      gate,
      placements: bulkhead(config.SHOP_ORDER_PLACEMENTS_AT_ONCE, Number.POSITIVE_INFINITY),
      onGateRefusal: () => soldOutAtGate.inc(),
      logger,
    });
    return {
      container: resolverContainer(
        new OrderResolver(placeOrder, lifecycle, fulfilment),
        new OrderLineResolver(),
        new UserOrdersResolver(),
        new CheckoutQuoteResolver(new CheckoutQuotes({ promotion, rules })),
      ),
      loaders: (em) => createOrderLoaders(em),
      internalRoutes: (router) => orderRoutes(router, orm, lifecycle, fulfilment),
      consumers: {
        'payment-approved': eventConsumer(
          paymentApprovedHandler({ orm, lifecycle, payment, logger }),
        ),
        'payment-cancelled': eventConsumer(paymentCancelledHandler(orm, lifecycle)),
        'stock-gate': eventConsumer(productChangedHandler(gate)),
        'delivery-events': eventConsumer(
          shipmentShippedHandler(orm, fulfilment),
          shipmentDeliveredHandler(orm, fulfilment),
        ),
        // One consumer, so one group keeps a return's events in order: its request, then refund.
        'return-events': idempotentConsumer(
          orm,
          returnRequestedHandler(returns),
          returnRejectedHandler(returns),
          returnRefundedHandler(returns),
          exchangeReshippedHandler(returns),
        ),
      },
      background: [
        periodicJob({
          name: 'order-sweeper',
          intervalMs: config.SHOP_ORDER_SWEEP_MS,
          // Orders whose placing was interrupted and unpaid orders past their expiry give
          // everything back; cancellations left half-way are refunded and closed; holds a down
          // service kept from settling are retried; delivered orders nobody confirmed are
          // confirmed.
          run: async () => ({
            interrupted: await lifecycle.failInterruptedPlacements(
              orm.em,
              config.SHOP_ORDER_PLACING_TIMEOUT_SECONDS * 1000,
            ),
            expired: await lifecycle.expireDue(orm.em),
            cancelled: await lifecycle.finishInterruptedCancellations(orm.em),
            settled: await lifecycle.settleOutstanding(orm.em),
            confirmed: await fulfilment.autoConfirmDue(
              orm.em,
              config.SHOP_AUTO_CONFIRM_AFTER_SECONDS * 1000,
            ),
          }),
          logMessage:
            'order sweep: placements failed, orders expired, cancellations finished, holds settled, deliveries confirmed',
        }),
      ],
    };
  },
});
