import { allow, isAuthenticated, isOwnerOrStaff, type PermissionRules } from '@shop/kit/server';

export const paymentPermissions: PermissionRules = {
  Query: { payment: isAuthenticated },
  Mutation: { confirmPayment: isAuthenticated },
  // The order's owner (checked per payment) or staff, however it is reached: `payment`,
  // `Order.payment` or `_entities`.
  Payment: isOwnerOrStaff<{ userId: string }>((payment) => payment.userId),
  // Reached only by the router joining an Order it was allowed to read.
  Order: allow,
};
