import {
  allow,
  isStaff,
  isAuthenticated,
  isOwnerOrStaff,
  type PermissionRules,
} from '@shop/kit/server';

export const orderPermissions: PermissionRules = {
  Query: {
    order: isAuthenticated,
    adminOrders: isStaff,
    adminOrderCounts: isStaff,
    checkoutQuote: isAuthenticated,
  },
  Mutation: {
    createOrder: isAuthenticated,
    cancelOrder: isAuthenticated,
    confirmPurchase: isAuthenticated,
  },
  // Type rules guard orders however they are reached, `_entities` included.
  Order: isOwnerOrStaff<{ userId: string }>((order) => order.userId),
  User: isOwnerOrStaff<{ id: string }>((user) => user.id),
  OrderConnection: isAuthenticated,
  // Reached only through `adminOrderCounts`, which is for staff.
  OrderStatusCount: isStaff,
  // Made for the signed-in caller from their own cart; reached only through `checkoutQuote`.
  CheckoutQuote: allow,
  CheckoutQuoteLine: allow,
  // Reached only through an Order, which is guarded.
  OrderLine: allow,
  OrderLineOption: allow,
  OrderStatusChange: allow,
  ShippingAddress: allow,
  Sku: allow,
  Product: allow,
};
