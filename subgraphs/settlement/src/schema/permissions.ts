import { allow, isAdmin, type PermissionRules } from '@shop/kit/server';

export const settlementPermissions: PermissionRules = {
  Query: {
    settlementStatements: isAdmin,
    brandStatements: isAdmin,
    brandPayouts: isAdmin,
    brandPayoutsCsv: isAdmin,
    payoutSummary: isAdmin,
    brandCommissions: isAdmin,
    defaultCommissionBasisPoints: isAdmin,
  },
  Mutation: { reconcileSettlement: isAdmin, setBrandCommission: isAdmin },
  SettlementStatement: isAdmin,
  BrandStatement: isAdmin,
  // Only its key, which the statements that name it already guard.
  Brand: allow,
  Reconciliation: isAdmin,
  ReconciliationDifference: isAdmin,
  BrandPayout: isAdmin,
  PayoutSummary: isAdmin,
  BrandCommission: isAdmin,
};
