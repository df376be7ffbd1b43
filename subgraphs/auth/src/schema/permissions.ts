import { allow, isStaff, staffMay, type PermissionRules } from '@shop/kit/server';

export const authPermissions: PermissionRules = {
  Mutation: {
    signUp: allow,
    login: allow,
    refreshToken: allow,
    logout: allow,
    rotateSigningKey: staffMay('staff'),
    createPartner: staffMay('staff'),
    issuePartnerKey: staffMay('staff'),
    revokePartnerKey: staffMay('staff'),
    registerPartnerManifest: staffMay('staff'),
    setStaffRole: staffMay('staff'),
  },
  Query: {
    partners: staffMay('staff'),
    staffMembers: staffMay('staff'),
    staffActions: staffMay('staff'),
    staffActionsOn: isStaff,
  },
  AuthSession: allow,
  Partner: staffMay('staff'),
  PartnerKey: staffMay('staff'),
  IssuedPartnerKey: staffMay('staff'),
  PartnerOperation: staffMay('staff'),
  // Who did what is for all staff (an order's timeline, a stock history); the lists are the owner's.
  StaffMember: isStaff,
  StaffAction: isStaff,
};
