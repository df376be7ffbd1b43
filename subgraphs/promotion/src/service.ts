import { fileURLToPath } from 'node:url';
import { defineService, resolverContainer } from '@shop/kit/service';
import { promotionEntities } from './domain/entities.js';
import { promotionRoutes } from './internal/promotion.route.js';
import { migrationsList } from './migrations/index.js';
import { createPromotionLoaders } from './schema/loaders.js';
import { promotionPermissions } from './schema/permissions.js';
import {
  CouponResolver,
  DiscountResolver,
  PromotionResolver,
  SkuSalePriceResolver,
  UserCouponsResolver,
} from './schema/promotion.resolver.js';
import { SkuWithSalePrice, UserWithCoupons } from './schema/promotion.type.js';
import { promotionReferenceResolvers } from './schema/reference.js';
import { CouponBook } from './services/coupon-book.js';
import { ProductClient } from './services/product-client.js';
import { PromotionAdmin } from './services/promotion-admin.js';
import { Quotes } from './services/quotes.js';

export const promotionService = defineService({
  name: 'promotion',
  entities: promotionEntities,
  migrations: {
    list: migrationsList,
    folder: fileURLToPath(new URL('./migrations', import.meta.url)),
  },
  graphql: {
    resolvers: [
      PromotionResolver,
      CouponResolver,
      DiscountResolver,
      UserCouponsResolver,
      SkuSalePriceResolver,
    ],
    // Reached only through `_entities`: the router asks for a user's coupons and a SKU's sale price.
    orphanedTypes: [UserWithCoupons, SkuWithSalePrice],
    referenceResolvers: promotionReferenceResolvers,
    permissions: promotionPermissions,
  },
  events: { publishes: [], consumes: {} },
  setup: ({ orm, runtime }) => {
    const product = new ProductClient(runtime.internalClient('promotion', 'product'));
    const quotes = new Quotes(product);
    const coupons = new CouponBook();
    return {
      container: resolverContainer(
        new PromotionResolver(new PromotionAdmin(), coupons, quotes),
        new CouponResolver(),
        new DiscountResolver(),
        new UserCouponsResolver(),
        new SkuSalePriceResolver(),
      ),
      loaders: (em) => createPromotionLoaders(em),
      internalRoutes: (router) => promotionRoutes(router, orm, quotes, coupons),
    };
  },
});
