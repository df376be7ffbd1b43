import { allow, isAdmin, type PermissionRules } from '@shop/kit/server';

export const authPermissions: PermissionRules = {
  Mutation: {
    signUp: allow,
    login: allow,
    refreshToken: allow,
    logout: allow,
    rotateSigningKey: isAdmin,
    createPartner: isAdmin,
    issuePartnerKey: isAdmin,
    revokePartnerKey: isAdmin,
    registerPartnerManifest: isAdmin,
  },
  Query: { partners: isAdmin },
  AuthSession: allow,
  Partner: isAdmin,
  PartnerKey: isAdmin,
  IssuedPartnerKey: isAdmin,
  PartnerOperation: isAdmin,
};
