import { allow, isAdmin, isService, or, rule, type PermissionRules } from '@shop/kit/server';
import type { Product } from '../domain/product.entity.js';
import type { ProductContext } from './loaders.js';
import { isShownTo } from './visibility.js';

const adminOrService = or(isAdmin, isService);

/** Per object: a product off the shop is only for admins and services, however it is reached. */
const shownProduct = rule({ cache: 'no_cache' })(
  (product: Product, _args, context: ProductContext) => isShownTo(context.identity, product),
);

export const productPermissions: PermissionRules = {
  Query: {
    product: allow,
    sku: allow,
    categories: allow,
    brands: allow,
    adminProducts: isAdmin,
  },
  Mutation: {
    createProduct: isAdmin,
    updateProduct: isAdmin,
    setProductStatus: isAdmin,
    addOptionValue: isAdmin,
    updateSku: isAdmin,
    adjustStock: isAdmin,
    startImageUpload: isAdmin,
    createCategory: isAdmin,
    createBrand: isAdmin,
  },
  Product: shownProduct,
  ProductConnection: isAdmin,
  Sku: {
    '*': allow,
    onHand: adminOrService,
    reserved: adminOrService,
    stockMovements: isAdmin,
  },
  SkuOption: allow,
  OptionGroup: allow,
  StockMovement: isAdmin,
  ImageUpload: isAdmin,
  Category: allow,
  Brand: allow,
};
