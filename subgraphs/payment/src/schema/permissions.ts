import {
  allow,
  isAdmin,
  isAuthenticated,
  isOwner,
  isService,
  or,
  type PermissionRules,
} from '@shop/kit/server';

export const paymentPermissions: PermissionRules = {
  Mutation: { confirmPayment: isAuthenticated },
  // The order's owner (checked per payment) or an admin.
  Payment: or(
    isOwner<{ userId: string }>((payment) => payment.userId),
    isAdmin,
    isService,
  ),
  // Reached only by the router joining an Order it was allowed to read.
  Order: allow,
};
