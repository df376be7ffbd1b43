import { fileURLToPath } from 'node:url';
import { orderCompletedEvent, returnRefundedEvent, userRegisteredEvent } from '@shop/contracts';
import { migrationsList } from './migrations/index.js';
import { idempotentConsumer } from '@shop/kit/events';
import { defineService, resolverContainer } from '@shop/kit/service';
import { userEntities } from './domain/entities.js';
import { orderCompletedHandler } from './events/order-completed.handler.js';
import { returnRefundedHandler } from './events/return-refunded.handler.js';
import { userRegisteredHandler } from './events/user-registered.handler.js';
import { pointsRoutes } from './internal/points.route.js';
import { registerUserRoute } from './internal/register-user.route.js';
import { userPermissions } from './schema/permissions.js';
import { userReferenceResolvers } from './schema/reference.js';
import { UserResolver } from './schema/user.resolver.js';
import { AddressBook } from './services/address-book.js';
import { PointsWallet } from './services/points-wallet.js';
import { ProfileService } from './services/profile-service.js';

export const userService = defineService({
  name: 'user',
  entities: userEntities,
  migrations: {
    list: migrationsList,
    folder: fileURLToPath(new URL('./migrations', import.meta.url)),
  },
  graphql: {
    resolvers: [UserResolver],
    referenceResolvers: userReferenceResolvers,
    permissions: userPermissions,
  },
  events: {
    publishes: [],
    consumes: {
      'user-registered': [userRegisteredEvent],
      'order-completed': [orderCompletedEvent],
      'return-refunded': [returnRefundedEvent],
    },
  },
  setup: ({ orm }) => {
    const profiles = new ProfileService();
    const addresses = new AddressBook();
    const wallet = new PointsWallet();
    return {
      container: resolverContainer(new UserResolver({ profiles, addresses, wallet })),
      internalRoutes: (router) => {
        registerUserRoute(router, orm, profiles);
        pointsRoutes(router, orm, wallet);
      },
      consumers: {
        'user-registered': idempotentConsumer(orm, userRegisteredHandler(profiles)),
        'order-completed': idempotentConsumer(orm, orderCompletedHandler(wallet)),
        'return-refunded': idempotentConsumer(orm, returnRefundedHandler(wallet)),
      },
    };
  },
});
