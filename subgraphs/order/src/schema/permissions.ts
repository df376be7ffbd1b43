import {
  allow,
  isAdmin,
  isAuthenticated,
  isOwner,
  isService,
  or,
  type PermissionRules,
} from '@shop/kit/server';

const ownerOrAdmin = (ownerOf: (parent: { id: string; userId?: string }) => string | undefined) =>
  or(isOwner(ownerOf), isAdmin, isService);

export const orderPermissions: PermissionRules = {
  Query: { order: isAuthenticated, adminOrders: isAdmin },
  Mutation: { createOrder: isAuthenticated, cancelOrder: isAuthenticated },
  // Type rules guard orders however they are reached, `_entities` included.
  Order: ownerOrAdmin((order) => order.userId),
  User: ownerOrAdmin((user) => user.id),
  OrderConnection: isAuthenticated,
  // Reached only through an Order, which is guarded.
  OrderLine: allow,
  OrderLineOption: allow,
  ShippingAddress: allow,
  Sku: allow,
  Product: allow,
};
