import { fileURLToPath } from 'node:url';
import { orderCompletedEvent, orderPaidEvent, paymentCancelledEvent } from '@shop/contracts';
import { loadConfig } from '@shop/kit';
import { defineService, resolverContainer } from '@shop/kit/service';
import { settlementConfigSchema } from './config.js';
import { settlementEntities } from './domain/entities.js';
import { booksConsumer } from './events/books.consumer.js';
import { migrationsList } from './migrations/index.js';
import { PayoutResolver } from './schema/payout.resolver.js';
import { settlementPermissions } from './schema/permissions.js';
import { SettlementResolver } from './schema/settlement.resolver.js';
import { brandExistsIn } from './services/brand-directory.js';
import { Commissions } from './services/commissions.js';
import { Ledger } from './services/ledger.js';
import { Payables } from './services/payables.js';
import { Payouts } from './services/payouts.js';
import { Reconciler } from './services/reconciliation.js';

export const settlementService = defineService({
  name: 'settlement',
  entities: settlementEntities,
  migrations: {
    list: migrationsList,
    folder: fileURLToPath(new URL('./migrations', import.meta.url)),
  },
  graphql: {
    resolvers: [SettlementResolver, PayoutResolver],
    permissions: settlementPermissions,
  },
  events: {
    publishes: [],
    consumes: { books: [orderPaidEvent, orderCompletedEvent, paymentCancelledEvent] },
  },
  setup: ({ orm, runtime }) => {
    const config = loadConfig('settlement', settlementConfigSchema, runtime.env);
    const ledger = new Ledger();
    const commissions = new Commissions(
      config.SHOP_COMMISSION_BASIS_POINTS,
      brandExistsIn(runtime.internalClient('settlement', 'product')),
    );
    const payables = new Payables(commissions);
    return {
      container: resolverContainer(
        new SettlementResolver(
          new Reconciler({
            ledger,
            pgUrl: config.SHOP_PG_URL,
            secretKey: config.SHOP_PG_SECRET_KEY,
          }),
        ),
        new PayoutResolver(new Payouts(config.SHOP_PAYOUT_PERIOD_DAYS), commissions),
      ),
      consumers: { books: booksConsumer(orm, { ledger, payables }) },
    };
  },
});
