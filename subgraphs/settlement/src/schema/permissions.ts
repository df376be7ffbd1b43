import { allow, isStaff, staffMay, type PermissionRules } from '@shop/kit/server';

export const settlementPermissions: PermissionRules = {
  Query: {
    settlementStatements: isStaff,
    brandStatements: isStaff,
    brandPayouts: isStaff,
    brandPayoutsCsv: isStaff,
    payoutSummary: isStaff,
    brandCommissions: isStaff,
    defaultCommissionBasisPoints: isStaff,
  },
  Mutation: {
    reconcileSettlement: staffMay('settlement'),
    setBrandCommission: staffMay('settlement'),
  },
  SettlementStatement: isStaff,
  BrandStatement: isStaff,
  // Only its key, which the statements that name it already guard.
  Brand: allow,
  Reconciliation: isStaff,
  ReconciliationDifference: isStaff,
  BrandPayout: isStaff,
  PayoutSummary: isStaff,
  BrandCommission: isStaff,
};
