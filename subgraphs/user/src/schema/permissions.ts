import {
  allow,
  isAdmin,
  isAuthenticated,
  isOwnerOrAdmin,
  type PermissionRules,
} from '@shop/kit/server';

export const userPermissions: PermissionRules = {
  Query: { me: isAuthenticated, user: isAdmin, users: isAdmin },
  Mutation: {
    updateProfile: isAuthenticated,
    addAddress: isAuthenticated,
    updateAddress: isAuthenticated,
    removeAddress: isAuthenticated,
    adjustPoints: isAdmin,
  },
  // Type-level rules guard the objects however they are reached, `_entities` included.
  User: isOwnerOrAdmin<{ id: string }>((user) => user.id),
  Address: isOwnerOrAdmin<{ userId: string }>((address) => address.userId),
  PointsEntry: isOwnerOrAdmin<{ userId: string }>((entry) => entry.userId),
  UserConnection: isAdmin,
  MembershipGrade: allow,
};
