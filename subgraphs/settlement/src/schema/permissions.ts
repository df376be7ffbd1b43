import { isAdmin, type PermissionRules } from '@shop/kit/server';

export const settlementPermissions: PermissionRules = {
  Query: { settlementStatements: isAdmin },
  Mutation: { reconcileSettlement: isAdmin },
  SettlementStatement: isAdmin,
  Reconciliation: isAdmin,
  ReconciliationDifference: isAdmin,
};
