import {
  allow,
  isAdmin,
  isAuthenticated,
  isOwner,
  isService,
  or,
  type PermissionRules,
} from '@shop/kit/server';

const ownerOrAdmin = or(
  isOwner<{ id: string }>((user) => user.id),
  isAdmin,
  isService,
);

export const userPermissions: PermissionRules = {
  Query: { me: isAuthenticated, users: isAdmin },
  Mutation: {
    updateProfile: isAuthenticated,
    addAddress: isAuthenticated,
    updateAddress: isAuthenticated,
    removeAddress: isAuthenticated,
    adjustPoints: isAdmin,
  },
  // Type-level rules guard the objects however they are reached, `_entities` included.
  User: ownerOrAdmin,
  Address: or(
    isOwner<{ userId: string }>((address) => address.userId),
    isAdmin,
  ),
  PointsEntry: or(
    isOwner<{ userId: string }>((entry) => entry.userId),
    isAdmin,
  ),
  UserConnection: isAdmin,
  MembershipGrade: allow,
};
