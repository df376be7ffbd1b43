import {
  allow,
  isStaff,
  isAuthenticated,
  isOwnerOrStaff,
  staffMay,
  type PermissionRules,
} from '@shop/kit/server';

export const returnPermissions: PermissionRules = {
  Query: { return: isAuthenticated, adminReturns: isStaff, adminReturnCounts: isStaff },
  Mutation: {
    requestReturn: isAuthenticated,
    approveReturn: staffMay('refunds'),
    rejectReturn: staffMay('refunds'),
    receiveReturn: staffMay('refunds'),
    adminRefundLine: staffMay('refunds'),
  },
  // The customer who asked (checked per return) or staff, however it is reached: `return`,
  // `Order.returns` or `_entities`.
  Return: isOwnerOrStaff<{ userId: string }>((ret) => ret.userId),
  ReturnLine: allow,
  ReturnConnection: isStaff,
  ReturnStatusCount: isStaff,
  // Reached only by the router joining an Order it was allowed to read.
  Order: allow,
};
