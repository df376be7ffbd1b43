import { allow, isAdmin, isOwnerOrAdmin, type PermissionRules } from '@shop/kit/server';

export const deliveryPermissions: PermissionRules = {
  Mutation: { shipOrder: isAdmin },
  Shipment: isOwnerOrAdmin<{ userId: string }>((shipment) => shipment.userId),
  TrackingStep: allow,
  // Reached only by the router joining an Order it was allowed to read.
  Order: allow,
};
