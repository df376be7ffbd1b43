import {
  allow,
  isAdmin,
  isAuthenticated,
  isOwnerOrAdmin,
  type PermissionRules,
} from '@shop/kit/server';

export const returnPermissions: PermissionRules = {
  Query: { return: isAuthenticated, adminReturns: isAdmin, adminReturnCounts: isAdmin },
  Mutation: {
    requestReturn: isAuthenticated,
    approveReturn: isAdmin,
    rejectReturn: isAdmin,
    receiveReturn: isAdmin,
    adminRefundLine: isAdmin,
  },
  // The customer who asked (checked per return) or an admin, however it is reached: `return`,
  // `Order.returns` or `_entities`.
  Return: isOwnerOrAdmin<{ userId: string }>((ret) => ret.userId),
  ReturnLine: allow,
  ReturnConnection: isAdmin,
  ReturnStatusCount: isAdmin,
  // Reached only by the router joining an Order it was allowed to read.
  Order: allow,
};
