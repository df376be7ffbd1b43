import { allow, isAdmin, type PermissionRules } from '@shop/kit/server';

export const settlementPermissions: PermissionRules = {
  Query: { settlementStatements: isAdmin, brandStatements: isAdmin },
  Mutation: { reconcileSettlement: isAdmin },
  SettlementStatement: isAdmin,
  BrandStatement: isAdmin,
  // Only its key, which the statements that name it already guard.
  Brand: allow,
  Reconciliation: isAdmin,
  ReconciliationDifference: isAdmin,
};
