import {
  allow,
  isStaff,
  isAuthenticated,
  isOwnerOrStaff,
  staffMay,
  type PermissionRules,
} from '@shop/kit/server';

export const userPermissions: PermissionRules = {
  Query: { me: isAuthenticated, user: isStaff, users: isStaff },
  Mutation: {
    updateProfile: isAuthenticated,
    addAddress: isAuthenticated,
    updateAddress: isAuthenticated,
    removeAddress: isAuthenticated,
    adjustPoints: staffMay('customers'),
  },
  // Type-level rules guard the objects however they are reached, `_entities` included.
  User: isOwnerOrStaff<{ id: string }>((user) => user.id),
  Address: isOwnerOrStaff<{ userId: string }>((address) => address.userId),
  PointsEntry: isOwnerOrStaff<{ userId: string }>((entry) => entry.userId),
  UserConnection: isStaff,
  MembershipGrade: allow,
};
