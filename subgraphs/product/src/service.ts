import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { productChangedEvent, returnReceivedEvent, stockShortfallEvent } from '@shop/contracts';
import { loadConfig } from '@shop/kit';
import { counterOn } from '@shop/kit/ops';
import { idempotentConsumer } from '@shop/kit/events';
import { defineService, resolverContainer } from '@shop/kit/service';
import { productConfigSchema } from './config.js';
import { productEntities } from './domain/entities.js';
import { returnReceivedHandler } from './events/return-received.handler.js';
import { mediaRoutes } from './internal/media.route.js';
import { placeholderImagesRoute } from './internal/placeholder-images.route.js';
import { productRoutes } from './internal/products.route.js';
import { reservationRoutes } from './internal/reservations.route.js';
import { migrationsList } from './migrations/index.js';
import { DiskMediaStore } from './media/disk-media-store.js';
import { ImageResolver } from './schema/image.resolver.js';
import { createProductLoaders } from './schema/loaders.js';
import { productPermissions } from './schema/permissions.js';
import { ProductResolver } from './schema/product.resolver.js';
import { productReferenceResolvers } from './schema/reference.js';
import { SkuResolver } from './schema/sku.resolver.js';
import { TaxonomyResolver } from './schema/taxonomy.resolver.js';
import { ProductCatalog } from './services/product-catalog.js';
import { DemoSeeder } from './services/demo-seeder.js';
import { ProductChanges } from './services/product-changes.js';
import { ProductImages } from './services/product-images.js';
import { StockLedger } from './services/stock-ledger.js';
import { StockReservations } from './services/stock-reservations.js';

export const productService = defineService({
  name: 'product',
  entities: productEntities,
  migrations: {
    list: migrationsList,
    folder: fileURLToPath(new URL('./migrations', import.meta.url)),
  },
  graphql: {
    resolvers: [ProductResolver, SkuResolver, TaxonomyResolver, ImageResolver],
    referenceResolvers: productReferenceResolvers,
    permissions: productPermissions,
  },
  events: {
    publishes: [productChangedEvent, stockShortfallEvent],
    consumes: { 'return-received': [returnReceivedEvent] },
  },
  setup: ({ orm, outbox, runtime, logger, periodicJob }) => {
    const config = loadConfig('product', productConfigSchema, runtime.env);
    const changes = new ProductChanges(outbox);
    const catalog = new ProductCatalog({ outbox, changes });
    const stockLedger = new StockLedger({ outbox, changes });
    const mediaStore = new DiskMediaStore(path.resolve(config.SHOP_DATA_DIR, 'media', 'product'));
    const images = new ProductImages({
      store: mediaStore,
      catalog,
      maxBytes: config.SHOP_MEDIA_MAX_BYTES,
      uploadTtlSeconds: config.SHOP_MEDIA_UPLOAD_TTL_SECONDS,
    });
    const shortfalls = counterOn(
      runtime.metricsRegistry,
      'shop_stock_shortfall_units_total',
      'Units a paid order could not get: its reservation lapsed and they were sold again',
    );
    const reservations = new StockReservations({
      ttlSeconds: config.SHOP_RESERVATION_TTL_SECONDS,
      outbox,
      changes,
      onShortfall: (units) => shortfalls.inc(units),
    });
    return {
      container: resolverContainer(
        new ProductResolver(catalog, images),
        new SkuResolver(catalog, stockLedger),
        new TaxonomyResolver(catalog),
        new ImageResolver(images),
      ),
      loaders: (em) => createProductLoaders(em),
      routes: [placeholderImagesRoute(orm), ...mediaRoutes(orm, mediaStore, images)],
      internalRoutes: (router) => {
        reservationRoutes(router, orm, reservations);
        productRoutes(router, orm);
      },
      consumers: {
        'return-received': idempotentConsumer(orm, returnReceivedHandler(stockLedger)),
      },
      background: [
        periodicJob({
          name: 'reservation-sweeper',
          intervalMs: config.SHOP_RESERVATION_SWEEP_MS,
          // Unpaid orders give their stock back.
          run: async () => ({ expired: await reservations.expireDue(orm.em) }),
          logMessage: 'released expired reservations',
        }),
        periodicJob({
          name: 'sales-publisher',
          intervalMs: config.SHOP_PRODUCT_SALES_PUBLISH_MS,
          run: async () => ({ published: await changes.publishSales(orm.em) }),
          logMessage: 'published the sales of products',
        }),
        ...(config.SHOP_SEED_DEMO ? [new DemoSeeder({ orm, catalog, logger })] : []),
      ],
    };
  },
});
