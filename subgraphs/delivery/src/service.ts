import { fileURLToPath } from 'node:url';
import {
  orderCancelledEvent,
  orderPaidEvent,
  shipmentDeliveredEvent,
  shipmentShippedEvent,
} from '@shop/contracts';
import { loadConfig } from '@shop/kit';
import { eventConsumer } from '@shop/kit/events';
import { defineService, resolverContainer } from '@shop/kit/service';
import { deliveryConfigSchema } from './config.js';
import { deliveryEntities } from './domain/entities.js';
import { orderCancelledHandler } from './events/order-cancelled.handler.js';
import { orderPaidHandler } from './events/order-paid.handler.js';
import { carrierWebhookRoute } from './internal/carrier-webhook.route.js';
import { createShipmentLoaders } from './schema/loaders.js';
import { migrationsList } from './migrations/index.js';
import { deliveryPermissions } from './schema/permissions.js';
import { deliveryReferenceResolvers } from './schema/reference.js';
import { OrderShipmentsResolver, ShipmentResolver } from './schema/shipment.resolver.js';
import { OrderWithShipments } from './schema/shipment.type.js';
import { CarrierClient } from './services/carrier-client.js';
import { OrderClient } from './services/order-client.js';
import { Shipments } from './services/shipments.js';

export const deliveryService = defineService({
  name: 'delivery',
  entities: deliveryEntities,
  migrations: {
    list: migrationsList,
    folder: fileURLToPath(new URL('./migrations', import.meta.url)),
  },
  graphql: {
    resolvers: [ShipmentResolver, OrderShipmentsResolver],
    // Reached only through `_entities`: the router asks for an order's shipments.
    orphanedTypes: [OrderWithShipments],
    referenceResolvers: deliveryReferenceResolvers,
    permissions: deliveryPermissions,
  },
  events: {
    publishes: [shipmentShippedEvent, shipmentDeliveredEvent],
    consumes: { 'order-events': [orderPaidEvent, orderCancelledEvent] },
  },
  setup: ({ orm, outbox, runtime, logger, periodicJob }) => {
    const config = loadConfig('delivery', deliveryConfigSchema, runtime.env);
    const carrier = new CarrierClient({
      baseUrl: config.SHOP_CARRIER_URL,
      webhookUrl:
        config.SHOP_CARRIER_WEBHOOK_URL ?? `${runtime.baseUrlOf('delivery')}/webhooks/carrier`,
      timeoutMs: 5000,
    });
    const orders = new OrderClient(runtime.internalClient('delivery', 'order'));
    const shipments = new Shipments({ outbox, carrier, orders });
    return {
      loaders: (em) => createShipmentLoaders(em),
      container: resolverContainer(new ShipmentResolver(shipments), new OrderShipmentsResolver()),
      routes: [
        carrierWebhookRoute({ orm, shipments, secret: config.SHOP_CARRIER_WEBHOOK_SECRET, logger }),
      ],
      consumers: {
        'order-events': eventConsumer(
          orderPaidHandler(orm, shipments),
          orderCancelledHandler(orm, shipments),
        ),
      },
      background: [
        periodicJob({
          name: 'tracking-poller',
          intervalMs: config.SHOP_TRACKING_POLL_MS,
          // Webhooks can be lost: shipments not heard of for a while are looked up.
          run: () => shipments.poll(orm.em, config.SHOP_TRACKING_POLL_MS),
          logMessage: 'tracking events found by polling',
        }),
      ],
    };
  },
});
