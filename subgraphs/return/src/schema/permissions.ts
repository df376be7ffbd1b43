import {
  allow,
  isAdmin,
  isAuthenticated,
  isOwnerOrAdmin,
  type PermissionRules,
} from '@shop/kit/server';

export const returnPermissions: PermissionRules = {
  Mutation: {
    requestReturn: isAuthenticated,
    approveReturn: isAdmin,
    rejectReturn: isAdmin,
    receiveReturn: isAdmin,
  },
  Return: isOwnerOrAdmin<{ userId: string }>((ret) => ret.userId),
  ReturnLine: allow,
  // Reached only by the router joining an Order it was allowed to read.
  Order: allow,
};
