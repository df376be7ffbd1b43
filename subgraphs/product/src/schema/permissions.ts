import {
  allow,
  isStaff,
  isService,
  or,
  rule,
  staffMay,
  type PermissionRules,
} from '@shop/kit/server';
import type { Product } from '../domain/product.entity.js';
import type { ProductContext } from './loaders.js';
import { isShownTo } from './visibility.js';

const staffOrService = or(isStaff, isService);

/** Per object: a product off the shop is only for staff and services, however it is reached. */
const shownProduct = rule({ cache: 'no_cache' })(
  (product: Product, _args, context: ProductContext) => isShownTo(context.identity, product),
);

export const productPermissions: PermissionRules = {
  Query: {
    product: allow,
    sku: allow,
    categories: allow,
    brands: allow,
    adminProducts: isStaff,
  },
  Mutation: {
    createProduct: staffMay('catalog'),
    updateProduct: staffMay('catalog'),
    setProductStatus: staffMay('catalog'),
    addOptionValue: staffMay('catalog'),
    updateSku: staffMay('catalog'),
    adjustStock: staffMay('catalog'),
    startImageUpload: staffMay('catalog'),
    createCategory: staffMay('catalog'),
    createBrand: staffMay('catalog'),
  },
  Product: shownProduct,
  ProductConnection: isStaff,
  Sku: {
    '*': allow,
    onHand: staffOrService,
    reserved: staffOrService,
    stockMovements: isStaff,
  },
  SkuOption: allow,
  OptionGroup: allow,
  StockMovement: isStaff,
  StaffMember: isStaff,
  ImageUpload: staffMay('catalog'),
  Category: allow,
  Brand: allow,
};
