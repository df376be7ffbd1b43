import { allow, isAdmin, type PermissionRules } from '@shop/kit/server';

export const authPermissions: PermissionRules = {
  Mutation: {
    signUp: allow,
    login: allow,
    refreshToken: allow,
    logout: allow,
    rotateSigningKey: isAdmin,
  },
  AuthSession: allow,
};
