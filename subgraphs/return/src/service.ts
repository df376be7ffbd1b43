import { fileURLToPath } from 'node:url';
import {
  exchangeReshippedEvent,
  returnApprovedEvent,
  returnReceivedEvent,
  returnRefundedEvent,
  returnRejectedEvent,
  returnRequestedEvent,
} from '@shop/contracts';
import { loadConfig } from '@shop/kit';
import { defineService, resolverContainer } from '@shop/kit/service';
import { returnConfigSchema } from './config.js';
import { returnEntities } from './domain/entities.js';
import { createReturnLoaders } from './schema/loaders.js';
import { migrationsList } from './migrations/index.js';
import { returnPermissions } from './schema/permissions.js';
import { returnReferenceResolvers } from './schema/reference.js';
import { AdminRefundResolver } from './schema/admin-refund.resolver.js';
import { OrderReturnsResolver, ReturnResolver } from './schema/return.resolver.js';
import { OrderWithReturns } from './schema/return.type.js';
import { ReturnCollaborators } from './services/collaborators.js';
import { AdminRefunds } from './services/admin-refund.js';
import { ReturnDesk } from './services/return-desk.js';
import { ReturnEvents } from './services/return-events.js';

export const returnService = defineService({
  name: 'return',
  entities: returnEntities,
  migrations: {
    list: migrationsList,
    folder: fileURLToPath(new URL('./migrations', import.meta.url)),
  },
  graphql: {
    resolvers: [ReturnResolver, OrderReturnsResolver, AdminRefundResolver],
    // Reached only through `_entities`: the router asks for an order's returns.
    orphanedTypes: [OrderWithReturns],
    referenceResolvers: returnReferenceResolvers,
    permissions: returnPermissions,
  },
  events: {
    publishes: [
      returnRequestedEvent,
      returnApprovedEvent,
      returnRejectedEvent,
      returnReceivedEvent,
      returnRefundedEvent,
      exchangeReshippedEvent,
    ],
    consumes: {},
  },
  setup: ({ orm, outbox, runtime, logger, periodicJob }) => {
    const config = loadConfig('return', returnConfigSchema, runtime.env);
    const collaborators = new ReturnCollaborators(
      {
        order: runtime.internalClient('return', 'order'),
        payment: runtime.internalClient('return', 'payment'),
        product: runtime.internalClient('return', 'product'),
      },
      config.SHOP_CARRIER_URL,
    );
    const desk = new ReturnDesk({
      collaborators,
      outbox,
      events: new ReturnEvents(outbox),
      shippingFee: config.SHOP_RETURN_SHIPPING_FEE,
      logger,
    });
    return {
      loaders: (em) => createReturnLoaders(em),
      container: resolverContainer(
        new ReturnResolver(desk),
        new OrderReturnsResolver(),
        new AdminRefundResolver(new AdminRefunds(desk)),
      ),
      background: [
        periodicJob({
          name: 'return-recovery',
          intervalMs: config.SHOP_RETURN_RECOVERY_SWEEP_MS,
          // A pickup or a refund under way has an owner, even when its process died.
          run: async () => ({
            resumed: await desk.resumeStale(orm.em, config.SHOP_RETURN_RECOVER_AFTER_MS),
          }),
        }),
      ],
    };
  },
});
