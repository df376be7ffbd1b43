import { fileURLToPath } from 'node:url';
import { listingGeneration, productChangedEvent } from '@shop/contracts';
import { loadConfig } from '@shop/kit';
import { eventConsumer } from '@shop/kit/events';
import { defineService, resolverContainer } from '@shop/kit/service';
import { catalogConfigSchema } from './config.js';
import { catalogEntities } from './domain/entities.js';
import { productChangedHandler } from './events/product-changed.handler.js';
import { migrationsList } from './migrations/index.js';
import { CatalogResolver } from './schema/catalog.resolver.js';
import { catalogPermissions } from './schema/permissions.js';
import { createSearchIndex } from './search/index.js';
import { CatalogReindexer } from './services/catalog-reindexer.js';
import { CatalogSearch } from './services/catalog-search.js';
import { ListingCache } from './services/listing-cache.js';

export const catalogService = defineService({
  name: 'catalog',
  entities: catalogEntities,
  migrations: {
    list: migrationsList,
    folder: fileURLToPath(new URL('./migrations', import.meta.url)),
  },
  graphql: { resolvers: [CatalogResolver], permissions: catalogPermissions },
  events: { publishes: [], consumes: { 'product-changed': [productChangedEvent] } },
  setup: async ({ orm, runtime, logger, stopping }) => {
    const config = loadConfig('catalog', catalogConfigSchema, runtime.env);
    const index = createSearchIndex(
      runtime.mode === 'real'
        ? {
            kind: 'opensearch',
            node: config.SHOP_OPENSEARCH_URL,
            alias: config.SHOP_CATALOG_INDEX_ALIAS,
          }
        : { kind: 'memory' },
    );
    await index.ensureReady();
    // The runtime's namespace, which the router reads the listing generation from too.
    const listings = new ListingCache(
      runtime.cache(listingGeneration.prefix),
      config.SHOP_CATALOG_CACHE_TTL_SECONDS,
    );
    const reindexer = new CatalogReindexer({
      orm,
      index,
      listings,
      product: runtime.internalClient('catalog', 'product'),
      pageSize: config.SHOP_CATALOG_REINDEX_PAGE_SIZE,
      logger,
      stopping,
    });
    return {
      container: resolverContainer(
        new CatalogResolver(new CatalogSearch(index, listings), reindexer),
      ),
      consumers: {
        'product-changed': eventConsumer(productChangedHandler({ index, listings, logger })),
      },
      background: [
        {
          // An empty index (first start, or the embedded in-memory one) is filled from product.
          start: () =>
            void index
              .count()
              .then(async (count) => {
                if (count === 0) await reindexer.start();
              })
              .catch((error: unknown) =>
                logger.error({ err: error }, 'initial index check failed; run reindexCatalog'),
              ),
          stop: async () => {
            await reindexer.settled();
            await index.close();
          },
        },
      ],
    };
  },
});
