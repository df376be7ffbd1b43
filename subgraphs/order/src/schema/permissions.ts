import {
  allow,
  isAdmin,
  isAuthenticated,
  isOwnerOrAdmin,
  type PermissionRules,
} from '@shop/kit/server';

export const orderPermissions: PermissionRules = {
  Query: { order: isAuthenticated, adminOrders: isAdmin },
  Mutation: {
    createOrder: isAuthenticated,
    cancelOrder: isAuthenticated,
    confirmPurchase: isAuthenticated,
  },
  // Type rules guard orders however they are reached, `_entities` included.
  Order: isOwnerOrAdmin<{ userId: string }>((order) => order.userId),
  User: isOwnerOrAdmin<{ id: string }>((user) => user.id),
  OrderConnection: isAuthenticated,
  // Reached only through an Order, which is guarded.
  OrderLine: allow,
  OrderLineOption: allow,
  ShippingAddress: allow,
  Sku: allow,
  Product: allow,
};
